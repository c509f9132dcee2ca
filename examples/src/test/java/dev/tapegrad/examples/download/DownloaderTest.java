package dev.tapegrad.examples.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from local mirrors: verification, fallback to the next mirror, and every failure. */
class DownloaderTest {
  /** The FIPS 180-2 test vector: SHA-256("abc"). */
  private static final String ABC_SHA256 =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
  private static final ExpectedFile FILE = new ExpectedFile("abc.txt", ABC_SHA256, 3);

  @TempDir Path dir;

  private static Downloader downloader(URI... mirrors) {
    return new Downloader(List.of(mirrors), Duration.ofSeconds(10));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void downloadsVerifiesAndKeepsAVerifiedFile() throws IOException {
    try (MirrorServer mirror = new MirrorServer().serve("abc.txt", ABC)) {
      Path target = dir.resolve("abc.txt");
      assertEquals(Downloader.Outcome.DOWNLOADED, downloader(mirror.base()).fetch(FILE, target));
      assertArrayEquals(ABC, Files.readAllBytes(target));
      assertEquals(ABC_SHA256, Downloader.sha256(target));
      assertEquals(
          Downloader.Outcome.ALREADY_PRESENT, downloader(mirror.base()).fetch(FILE, target));
      assertEquals(1, mirror.requests());
    }
  }

  @Test
  void aCorruptMirrorIsSkippedForTheNext() throws IOException {
    try (MirrorServer corrupt =
            new MirrorServer().serve("abc.txt", "abd".getBytes(StandardCharsets.US_ASCII));
        MirrorServer good = new MirrorServer().serve("abc.txt", ABC)) {
      Path target = dir.resolve("abc.txt");
      assertEquals(
          Downloader.Outcome.DOWNLOADED,
          downloader(corrupt.base(), good.base()).fetch(FILE, target));
      assertArrayEquals(ABC, Files.readAllBytes(target));
      assertEquals(1, corrupt.requests());
      assertEquals(1, good.requests());
    }
  }

  @Test
  void aChecksumMismatchEverywhereIsAnErrorAndLeavesTheOldFile() throws IOException {
    Path target = Files.writeString(dir.resolve("abc.txt"), "old");
    try (MirrorServer mirror =
        new MirrorServer().serve("abc.txt", "abd".getBytes(StandardCharsets.US_ASCII))) {
      DownloadException e =
          assertThrows(
              DownloadException.class, () -> downloader(mirror.base()).fetch(FILE, target));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "no mirror served abc.txt intact: " + mirror.base() + "abc.txt: SHA-256 "),
          e.getMessage());
      assertTrue(
          e.getMessage().endsWith(" does not match the expected " + ABC_SHA256), e.getMessage());
    }
    assertEquals("old", Files.readString(target));
    assertEquals(List.of(target), files()); // no temporary file left behind
  }

  @Test
  void sizesAreChecked() throws IOException {
    try (MirrorServer mirror =
        new MirrorServer()
            .serve("long", "abcd".getBytes(StandardCharsets.US_ASCII))
            .serve("short", "ab".getBytes(StandardCharsets.US_ASCII))) {
      ExpectedFile longer = new ExpectedFile("long", ABC_SHA256, 3);
      ExpectedFile shorter = new ExpectedFile("short", ABC_SHA256, 3);
      String tooLong =
          assertThrows(
                  DownloadException.class,
                  () -> downloader(mirror.base()).fetch(longer, dir.resolve("long")))
              .getMessage();
      assertTrue(tooLong.endsWith(mirror.base() + "long: more than the expected 3 bytes"), tooLong);
      String tooShort =
          assertThrows(
                  DownloadException.class,
                  () -> downloader(mirror.base()).fetch(shorter, dir.resolve("short")))
              .getMessage();
      assertTrue(tooShort.endsWith(mirror.base() + "short: 2 bytes, expected 3"), tooShort);
    }
    assertEquals(List.of(), files());
  }

  @Test
  void noReachableMirrorSaysOffline() throws IOException {
    URI closed = MirrorServer.closedPort();
    DownloadException e =
        assertThrows(
            DownloadException.class,
            () ->
                downloader(URI.create("http://mnist.invalid/mnist/"), closed)
                    .fetch(FILE, dir.resolve("abc.txt")));
    assertEquals("cannot reach mnist.invalid, 127.0.0.1 (offline?)", e.getMessage());
  }

  @Test
  void eachMirrorsFailureIsReported() throws IOException {
    try (MirrorServer empty = new MirrorServer()) {
      DownloadException e =
          assertThrows(
              DownloadException.class,
              () ->
                  downloader(URI.create("http://mnist.invalid/mnist/"), empty.base())
                      .fetch(FILE, dir.resolve("abc.txt")));
      assertEquals(
          "no mirror served abc.txt intact: mnist.invalid: cannot connect; "
              + empty.base()
              + "abc.txt: HTTP 404",
          e.getMessage());
    }
  }

  @Test
  void mirrorsAreHttpUrlsAndGetATrailingSlash() throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> downloader(URI.create("ftp://example.org/mnist/")));
    assertEquals("a mirror must be an http(s) URL, got 'ftp://example.org/mnist/'", e.getMessage());
    try (MirrorServer mirror = new MirrorServer().serve("abc.txt", ABC)) {
      String base = mirror.base().toString();
      downloader(URI.create(base.substring(0, base.length() - 1)))
          .fetch(FILE, dir.resolve("abc.txt"));
      assertArrayEquals(ABC, Files.readAllBytes(dir.resolve("abc.txt")));
    }
  }

  @Test
  void checksumFilesAreReadInSha256sumFormat() throws IOException {
    Path sums =
        Files.writeString(
            dir.resolve("SHA256SUMS"),
            "# comment\n\n"
                + ABC_SHA256.toUpperCase()
                + "  abc.txt\n"
                + ABC_SHA256
                + " *binary.gz\n");
    assertEquals(
        List.of(
            new ExpectedFile("abc.txt", ABC_SHA256, -1),
            new ExpectedFile("binary.gz", ABC_SHA256, -1)),
        Checksums.read(sums));
    Path bad = Files.writeString(dir.resolve("bad"), ABC_SHA256 + "  ok\nabc123  short.gz\n");
    IOException e = assertThrows(IOException.class, () -> Checksums.read(bad));
    assertEquals(
        bad
            + ", line 2: expected '<64 hex digits>  <file name>' as sha256sum writes, got 'abc123  short.gz'",
        e.getMessage());
    Path escaping = Files.writeString(dir.resolve("escaping"), ABC_SHA256 + "  ../outside\n");
    assertTrue(
        assertThrows(IOException.class, () -> Checksums.read(escaping))
            .getMessage()
            .endsWith("line 1: not a plain file name: '../outside'"));
  }
}
