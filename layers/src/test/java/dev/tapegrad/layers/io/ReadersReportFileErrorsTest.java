package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.data.IdxReader;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.net.TwoLayerNet;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader reports a missing file as {@code <file>: no such file}, and every reader and writer
 * a directory where a file belongs as {@code <file>: is a directory}, the words of {@link
 * FileProblem}.
 */
class ReadersReportFileErrorsTest {
  @TempDir Path dir;

  /** Something that reads or writes a file. */
  @FunctionalInterface
  private interface FileUse {
    void on(Path file) throws IOException;
  }

  static Stream<Arguments> uses() {
    return Stream.of(
        Arguments.of("Npz.read", (FileUse) Npz::read),
        Arguments.of("Npy.read", (FileUse) Npy::read),
        Arguments.of("BookWeights.load", (FileUse) BookWeights::load),
        Arguments.of("IdxReader.read", (FileUse) IdxReader::read),
        Arguments.of("Checkpoint.load", (FileUse) file -> Checkpoint.load(file, net(), null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uses")
  void aMissingFileIsReportedAsNoSuchFile(String name, FileUse use) {
    Path missing = dir.resolve("missing");

    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> use.on(missing));

    assertEquals(missing + ": no such file", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uses")
  void aDirectoryIsReportedAsADirectory(String name, FileUse use) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder"));

    FileSystemException e = assertThrows(FileSystemException.class, () -> use.on(folder));

    assertEquals(folder + ": is a directory", e.getMessage());
  }

  static Stream<Arguments> writers() {
    return Stream.of(
        Arguments.of("Npz.write", (FileUse) file -> Npz.write(file, Map.of("a", Tensor.zeros(1)))),
        Arguments.of("Npy.write", (FileUse) file -> Npy.write(file, Tensor.zeros(1))),
        Arguments.of("Checkpoint.save", (FileUse) file -> Checkpoint.save(file, net(), null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writers")
  void writingOverADirectoryIsReportedAsADirectory(String name, FileUse use) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder"));

    FileSystemException e = assertThrows(FileSystemException.class, () -> use.on(folder));

    assertEquals(folder + ": is a directory", e.getMessage());
  }

  @Test
  void mnistReportsAMissingDirectoryAndAFileInsteadOfOne() throws IOException {
    Path missing = dir.resolve("mnist");
    Path file = Files.writeString(dir.resolve("mnist.txt"), "not a directory");

    NoSuchFileException noDirectory =
        assertThrows(NoSuchFileException.class, () -> Mnist.load(missing, MnistOptions.defaults()));
    FileSystemException notDirectory =
        assertThrows(FileSystemException.class, () -> Mnist.load(file, MnistOptions.defaults()));

    assertEquals(missing + ": no such file", noDirectory.getMessage());
    assertEquals(file + ": not a directory", notDirectory.getMessage());
  }

  private static TwoLayerNet net() {
    return new TwoLayerNet(4, 3, 2, new Random(1));
  }
}
