package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.examples.download.MirrorServer;
import dev.tapegrad.layers.io.BookWeights;
import dev.tapegrad.layers.io.ShippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the CLI fails: one line {@code <command>: <reason>} on standard error, the stack trace only
 * with {@code --verbose}; exit 2 for usage errors and 1 for everything else.
 */
class CliErrorsTest {
  @TempDir Path out;

  @Test
  void noCommandPrintsTheUsageAndIsAUsageError() {
    Cli.Result r = Cli.exec();
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("Usage: tapegrad [-hV] [--verbose] [COMMAND]"), r.err());
    assertTrue(r.err().contains("Exit status: 0 success, 1 failure"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void anUnknownOptionIsOneLinePointingToTheHelp() {
    Cli.Result r = Cli.run(out, "train", "--bogus");
    assertEquals(2, r.exitCode());
    assertEquals("train: Unknown option: '--bogus' (see tapegrad train --help)\n", r.err());
  }

  @Test
  void aMissingFileIsOneLineAndVerboseAddsTheStackTrace() {
    Path missing = out.resolve("missing.npz");
    Cli.Result r = Cli.run(out, "train", "--resume", missing.toString());
    assertEquals(1, r.exitCode());
    assertEquals("train: --resume " + missing + ": no such file\n", r.err());
    // --verbose is global: before or after the command
    var placements = List.of(List.of("--verbose", "train"), List.of("train", "--verbose"));
    for (List<String> words : placements) {
      Cli.Result verbose = Cli.run(out, words.get(0), words.get(1), "--resume", missing.toString());
      assertEquals(1, verbose.exitCode());
      List<String> lines = verbose.err().lines().toList();
      assertEquals("train: --resume " + missing + ": no such file", lines.get(0));
      assertTrue(lines.get(1).startsWith("java.io.IOException: --resume"), verbose.err());
      assertTrue(
          verbose.err().contains("Caused by: java.nio.file.NoSuchFileException"), verbose.err());
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("\tat dev.tapegrad.")), verbose.err());
    }
  }

  @Test
  void theCommandNameIsNotRepeated() {
    // the download error used to read "download: download: cannot reach ..."
    Cli.Result r = Cli.run(out, "download", "--mirror", "http://mnist.invalid/");
    assertEquals(1, r.exitCode());
    assertEquals("download: cannot reach mnist.invalid (offline?); nothing was written\n", r.err());
  }

  @Test
  void aNormalRunPrintsNothingOnStandardError() throws Exception {
    // netlib's native-BLAS probe and java.util.logging's INFO records used to print here
    Cli.Result quiet = Cli.fork(List.of(), 0, out, "infer", "--net", "book-ch3", "--limit", "100");
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertEquals("", quiet.err());

    Cli.Result verbose =
        Cli.fork(List.of(), 0, out, "infer", "--net", "book-ch3", "--limit", "100", "--verbose");
    assertEquals(0, verbose.exitCode(), verbose.err());
    assertTrue(verbose.err().contains("INFO: Using dev.ludovic.netlib.blas."), verbose.err());
  }

  @Test
  void aModifiedShippedWeightsFileIsRejected(@TempDir Path resources) throws Exception {
    String path = "dev/tapegrad/layers/data/book-weights/" + BookWeights.SAMPLE_WEIGHT;
    byte[] pickle;
    try (InputStream in = BookWeights.class.getResourceAsStream("/" + path)) {
      pickle = in.readAllBytes();
    }
    pickle[pickle.length / 2] ^= 1;
    Path modified = resources.resolve(path);
    Files.createDirectories(modified.getParent());
    Files.write(modified, pickle);

    Cli.Result r = Cli.forkWithResources(resources, out, "infer", "--net", "book-ch3");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "infer: classpath:"
                + path
                + ": SHA-256 is "
                + ShippedFile.sha256Hex(pickle)
                + ", expected b7f55a27988ba34c3777b0f1bbd464817c8a4db855723e6ff26f703501917a13:"
                + " a damaged or modified copy of the book's weights; nothing was written"),
        r.err().lines().toList());
  }

  /** Failures from every layer a message can come from: options, files, formats, network. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "train --epochs -1",
        "train --bogus",
        "train --resume garbage.npz",
        "train --data garbage-mnist",
        "infer --net garbage.npz",
        "infer --net book-ch3 --weights garbage.pkl",
        "infer --net book-ch3 --weights params.pkl",
        "filters --weights garbage.pkl",
        "misclassified --net folder",
        "graph --format jpg",
        "download --mirror ftp://mnist.invalid/",
        "download --checksums garbage.sha256",
        "download --mirror http://mnist.invalid/",
      })
  void everyFailureIsOneLineWithOnePrefix(String commandLine) throws IOException {
    Files.createDirectory(out.resolve("folder"));
    Path data = Files.createDirectory(out.resolve("garbage-mnist"));
    for (String name : List.of("train-images", "train-labels", "t10k-images", "t10k-labels")) {
      Files.writeString(
          data.resolve(name + (name.endsWith("images") ? "-idx3" : "-idx1") + "-ubyte"), "?");
    }
    for (String name : List.of("garbage.npz", "garbage.pkl", "garbage.sha256")) {
      Files.writeString(out.resolve(name), "garbage");
    }
    try (InputStream in =
        BookWeights.class.getResourceAsStream(
            "/dev/tapegrad/layers/data/book-weights/" + BookWeights.SIMPLE_CONVNET)) {
      Files.copy(in, out.resolve(BookWeights.SIMPLE_CONVNET));
    }
    String[] words = commandLine.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (Files.exists(out.resolve(words[i]))) {
        words[i] = out.resolve(words[i]).toString();
      }
    }

    Cli.Result r = Cli.run(out.resolve("out"), words);

    assertTrue(r.exitCode() == 1 || r.exitCode() == 2, r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    List<String> parts = List.of(lines.get(0).split(": "));
    assertEquals(words[0], parts.get(0), r.err());
    assertFalse(
        parts.subList(1, parts.size()).contains(words[0]), "one command prefix: " + r.err());
    for (int i = 1; i < parts.size(); i++) {
      assertNotEquals(parts.get(i - 1), parts.get(i), "a repeated prefix: " + r.err());
    }
  }

  @Test
  void anEmptyDatasetIsRefused() throws IOException {
    Path data = Files.createDirectory(out.resolve("empty-mnist"));
    for (var file : MirrorServer.tinyMnist(0, 2).entrySet()) {
      Files.write(data.resolve(file.getKey()), file.getValue());
    }
    Cli.Result r = Cli.run(out, "train", "--data", data.toString());
    assertEquals(1, r.exitCode());
    assertEquals(
        "train: " + data + ": the training set holds no images; nothing was written\n", r.err());
    assertTrue(Files.notExists(out.resolve("train")));
  }

  @Test
  void badSystemPropertiesAreOneLineUsageErrors() throws Exception {
    for (String threads : List.of("0", "100000", "two")) {
      Cli.Result r = Cli.fork(List.of("-Dtapegrad.threads=" + threads), 0, out, "gates");
      assertEquals(2, r.exitCode(), r.err());
      int cap = 4 * Runtime.getRuntime().availableProcessors();
      assertEquals(
          List.of(
              "gates: -Dtapegrad.threads must be a whole number from 1 to "
                  + cap
                  + " (4 x the "
                  + cap / 4
                  + " available processors), got '"
                  + threads
                  + "'"),
          r.err().lines().toList());
    }
    Cli.Result blas = Cli.fork(List.of("-Dtapegrad.blas=fast"), 0, out, "gates");
    assertEquals(2, blas.exitCode(), blas.err());
    assertEquals(
        List.of("gates: -Dtapegrad.blas must be auto, bundled or java, got 'fast'"),
        blas.err().lines().toList());
    assertTrue(Files.notExists(out.resolve("gates")), "nothing ran");
  }

  @Test
  void runningOutOfMemoryIsOneLine() throws Exception {
    // 2,000,000 random inputs of 100 values: 1.6 GB, in a heap of 64 MB
    Cli.Result r =
        Cli.fork(List.of("-Xmx64m"), 0, out, "init", "--histograms-only", "--samples", "2000000");
    assertEquals(1, r.exitCode());
    assertEquals(
        List.of(
            "init: out of memory (Java heap space); give Java more with -Xmx, or use"
                + " less data or smaller batches; nothing was written"),
        r.err().lines().toList());
  }
}
