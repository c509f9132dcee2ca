package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operating system's reason for a file error, worded once for every reader and the CLI. Tests
 * run as root, whom permissions do not stop, so permission errors are checked on the exceptions
 * Java throws for them; missing files and directories are checked for real.
 */
class FileProblemTest {
  @TempDir Path dir;

  static Stream<Arguments> exceptions() {
    return Stream.of(
        Arguments.of(new AccessDeniedException("/data/x.npz"), "permission denied"),
        Arguments.of(
            new FileNotFoundException("/data/x.npz (Permission denied)"), "permission denied"),
        Arguments.of(new NoSuchFileException("/data/x.npz"), "no such file"),
        Arguments.of(
            new FileNotFoundException("/data/x.npz (No such file or directory)"), "no such file"),
        Arguments.of(new FileNotFoundException("/data (Is a directory)"), "is a directory"),
        Arguments.of(new IOException("Is a directory"), "is a directory"),
        Arguments.of(new NotDirectoryException("/data/file/x"), "not a directory"),
        Arguments.of(new FileSystemException("/data", null, "Not a directory"), "not a directory"),
        Arguments.of(
            new FileSystemException("/data/x", null, "Read-only file system"),
            "read-only file system"),
        Arguments.of(new FileAlreadyExistsException("/data/x"), "file exists"),
        Arguments.of(new DirectoryNotEmptyException("/data"), "directory not empty"),
        Arguments.of(new FileSystemException("/data/x"), "FileSystemException"),
        Arguments.of(new IOException("NFS server not responding"), "NFS server not responding"),
        Arguments.of(new IOException(), "IOException"));
  }

  @ParameterizedTest
  @MethodSource("exceptions")
  void wordsTheReason(IOException e, String reason) {
    assertEquals(reason, FileProblem.reason(e));
  }

  @Test
  void anExplainedExceptionNamesTheFileAndKeepsItsKind() {
    Path file = Path.of("/data/x.npz");
    AccessDeniedException denied = new AccessDeniedException(file.toString());

    FileSystemException explained = FileProblem.explained(file, denied);

    assertInstanceOf(AccessDeniedException.class, explained);
    assertEquals("/data/x.npz: permission denied", explained.getMessage());
    assertEquals(file.toString(), explained.getFile());
    assertSame(denied, explained.getCause());
    assertInstanceOf(
        NoSuchFileException.class, FileProblem.explained(file, new NoSuchFileException("x")));
    assertEquals(
        "/data/x.npz: is a directory",
        FileProblem.explained(file, new IOException("Is a directory")).getMessage());
  }

  @Test
  void openingAMissingFileSaysNoSuchFile() {
    Path missing = dir.resolve("missing.npy");

    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> FileProblem.openForReading(missing));

    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void openingADirectorySaysIsADirectory() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder.npy"));

    FileSystemException e =
        assertThrows(FileSystemException.class, () -> FileProblem.openForReading(folder));

    assertEquals(folder + ": is a directory", e.getMessage());
  }
}
