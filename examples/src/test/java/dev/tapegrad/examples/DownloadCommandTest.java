package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.examples.download.MirrorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code download} end to end against local mirrors serving a tiny MNIST-format dataset. */
class DownloadCommandTest {
  @TempDir Path out;

  private final Map<String, byte[]> tiny = MirrorServer.tinyMnist(3, 2);

  private Path checksums() throws IOException, NoSuchAlgorithmException {
    StringBuilder sums = new StringBuilder();
    for (Map.Entry<String, byte[]> f : tiny.entrySet()) {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(f.getValue());
      sums.append(HexFormat.of().formatHex(hash)).append("  ").append(f.getKey()).append('\n');
    }
    return Files.writeString(out.resolve("SHA256SUMS"), sums);
  }

  @Test
  void downloadsVerifiesAndLoadsTheFourFiles() throws Exception {
    Path sums = checksums();
    try (MirrorServer mirror = new MirrorServer().serve(tiny)) {
      String printed =
          Cli.ok(
              out,
              "download",
              "--mirror",
              mirror.base().toString(),
              "--checksums",
              sums.toString());
      Path dir = out.resolve("download/mnist");
      for (Map.Entry<String, byte[]> f : tiny.entrySet()) {
        assertArrayEquals(f.getValue(), Files.readAllBytes(dir.resolve(f.getKey())), f.getKey());
        assertTrue(printed.contains(f.getKey()), printed);
      }
      assertTrue(
          printed.contains(dir + ": 3 training and 2 test images; use --data " + dir), printed);
      assertEquals(4, mirror.requests());
      String again =
          Cli.ok(
              out,
              "download",
              "--mirror",
              mirror.base().toString(),
              "--checksums",
              sums.toString());
      assertTrue(
          again.contains("t10k-labels-idx1-ubyte.gz    already present, SHA-256 verified"), again);
      assertEquals(4, mirror.requests());
    }
  }

  @Test
  void theOfficialChecksumsRejectOtherFiles() throws IOException {
    Path dir = out.resolve("mnist");
    try (MirrorServer mirror = new MirrorServer().serve(tiny)) {
      Cli.Result r =
          Cli.run(out, "download", "--mirror", mirror.base().toString(), "--dir", dir.toString());
      assertNotEquals(0, r.exitCode());
      // the tiny train images are not 9,912,422 bytes long
      assertTrue(
          r.err()
              .contains(
                  "download: no mirror served train-images-idx3-ubyte.gz intact: "
                      + mirror.base()
                      + "train-images-idx3-ubyte.gz: "),
          r.err());
    }
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "nothing unverified is left behind");
    }
  }

  @Test
  void offlineIsAClearError() throws IOException {
    Cli.Result r =
        Cli.run(
            out, "download", "--mirror", "http://mnist.invalid/a/," + MirrorServer.closedPort());
    assertNotEquals(0, r.exitCode());
    assertTrue(
        r.err().contains("download: cannot reach mnist.invalid, 127.0.0.1 (offline?)"), r.err());
  }

  @Test
  void checksumsMustCoverTheFourFiles() throws IOException {
    Path sums =
        Files.writeString(out.resolve("sums"), "0".repeat(64) + "  train-images-idx3-ubyte.gz\n");
    Cli.Result r = Cli.run(out, "download", "--checksums", sums.toString());
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("the checksums must cover the four MNIST-format files"), r.err());
  }
}
