package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.examples.download.MirrorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
          Cli.ownLines(r.err()));
    }
    Cli.Result blas = Cli.fork(List.of("-Dtapegrad.blas=fast"), 0, out, "gates");
    assertEquals(2, blas.exitCode(), blas.err());
    assertEquals(
        List.of("gates: -Dtapegrad.blas must be auto, bundled or java, got 'fast'"),
        Cli.ownLines(blas.err()));
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
        Cli.ownLines(r.err()));
  }
}
