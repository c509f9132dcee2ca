package dev.tapegrad.examples.download;

import dev.tapegrad.autograd.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Downloads files from the first of several mirrors that serves them intact. Each file streams into
 * a temporary file beside its target while its SHA-256 (and size, when known) is computed; only a
 * verified file is moved into place, atomically, so a failed or corrupt download never replaces or
 * leaves behind anything. A file already present with the right checksum is kept.
 */
public final class Downloader {
  /** What {@link #fetch} did. */
  public enum Outcome {
    ALREADY_PRESENT,
    DOWNLOADED
  }

  private final List<URI> mirrors;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param mirrors base URLs, tried in order; a file's URL is its base URL followed by its name
   * @param timeout for connecting and for the response to start
   */
  public Downloader(List<URI> mirrors, Duration timeout) {
    this.mirrors = baseUrls(mirrors);
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * The mirrors as base URLs, each ending in {@code /}.
   *
   * @throws IllegalArgumentException if there is none, or one is not an http(s) URL with a host
   */
  public static List<URI> baseUrls(List<URI> mirrors) {
    if (mirrors.isEmpty()) {
      throw new IllegalArgumentException("no mirror to download from");
    }
    List<URI> bases = new ArrayList<>();
    for (URI m : mirrors) {
      if (!"http".equals(m.getScheme()) && !"https".equals(m.getScheme()) || m.getHost() == null) {
        throw new IllegalArgumentException("a mirror must be an http(s) URL, got '" + m + "'");
      }
      bases.add(m.toString().endsWith("/") ? m : URI.create(m + "/"));
    }
    return List.copyOf(bases);
  }

  /**
   * Makes {@code target} hold {@code file}: keeps it if it is there with the right checksum,
   * otherwise downloads it from the first mirror that serves the expected bytes.
   *
   * @throws DownloadException saying {@code cannot reach <hosts> (offline?)} when no mirror could
   *     be connected to, otherwise what each mirror did wrong (HTTP status, size, checksum)
   */
  public Outcome fetch(ExpectedFile file, Path target) throws IOException {
    if (Files.isRegularFile(target) && file.sha256().equals(sha256(target))) {
      return Outcome.ALREADY_PRESENT;
    }
    List<String> failures = new ArrayList<>();
    Set<String> unreachable = new LinkedHashSet<>();
    for (URI mirror : mirrors) {
      URI uri = mirror.resolve(file.name());
      try {
        download(uri, file, target);
        return Outcome.DOWNLOADED;
      } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
        unreachable.add(uri.getHost());
        failures.add(uri.getHost() + ": cannot connect");
      } catch (DownloadException e) {
        failures.add(e.getMessage());
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        failures.add(uri + ": " + e);
      }
    }
    if (unreachable.size() == mirrors.size()) {
      throw new DownloadException("cannot reach " + String.join(", ", unreachable) + " (offline?)");
    }
    throw new DownloadException(
        "no mirror served " + file.name() + " intact: " + String.join("; ", failures));
  }

  private void download(URI uri, ExpectedFile file, Path target) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("download of " + uri + " interrupted");
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new DownloadException(uri + ": HTTP " + response.statusCode());
      }
      AtomicFile.write(target, out -> copyVerified(body, out, file, uri));
    }
  }

  /**
   * Copies the body, failing as soon as it is longer than expected and at the end on a mismatch.
   */
  private static void copyVerified(InputStream in, OutputStream out, ExpectedFile file, URI uri)
      throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (file.size() >= 0 && total > file.size()) {
        throw new DownloadException(uri + ": more than the expected " + file.size() + " bytes");
      }
      digest.update(buffer, 0, n);
      out.write(buffer, 0, n);
    }
    if (file.size() >= 0 && total != file.size()) {
      throw new DownloadException(uri + ": " + total + " bytes, expected " + file.size());
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(file.sha256())) {
      throw new DownloadException(
          uri + ": SHA-256 " + actual + " does not match the expected " + file.sha256());
    }
  }

  /** The SHA-256 of a file, as 64 lower-case hex digits. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
