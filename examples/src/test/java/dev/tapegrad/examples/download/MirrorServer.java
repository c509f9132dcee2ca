package dev.tapegrad.examples.download;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A local HTTP mirror for download tests: serves byte arrays under {@code /mnist/<name>}, 404 for
 * anything else, and counts requests. Also makes small MNIST-format files to serve.
 */
public final class MirrorServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  public MirrorServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          String path = exchange.getRequestURI().getPath();
          byte[] body =
              path.startsWith("/mnist/") ? files.get(path.substring("/mnist/".length())) : null;
          try (exchange) {
            if (body == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            }
          }
        });
    server.start();
  }

  /** Serves {@code bytes} as {@code name}; returns this. */
  public MirrorServer serve(String name, byte[] bytes) {
    files.put(name, bytes.clone());
    return this;
  }

  /** Serves every entry of {@code named}. */
  public MirrorServer serve(Map<String, byte[]> named) {
    named.forEach(this::serve);
    return this;
  }

  /** The mirror's base URL, {@code http://127.0.0.1:<port>/mnist/}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
  }

  /** Requests answered so far. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A base URL on which nothing listens (a port that was free a moment ago). */
  public static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/mnist/");
    }
  }

  /**
   * The four MNIST files, gzipped, of a tiny dataset: {@code train} and {@code test} images whose
   * pixels are {@code (image + row + column) mod 256}, labelled {@code image mod 10}.
   */
  public static Map<String, byte[]> tinyMnist(int train, int test) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("train-images-idx3-ubyte.gz", gzip(images(train)));
    files.put("train-labels-idx1-ubyte.gz", gzip(labels(train)));
    files.put("t10k-images-idx3-ubyte.gz", gzip(images(test)));
    files.put("t10k-labels-idx1-ubyte.gz", gzip(labels(test)));
    return files;
  }

  private static byte[] images(int n) {
    ByteBuffer b =
        ByteBuffer.allocate(16 + n * 28 * 28).putInt(0x0803).putInt(n).putInt(28).putInt(28);
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < 28 * 28; p++) {
        b.put((byte) (i + p / 28 + p % 28));
      }
    }
    return b.array();
  }

  private static byte[] labels(int n) {
    ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(0x0801).putInt(n);
    for (int i = 0; i < n; i++) {
      b.put((byte) (i % 10));
    }
    return b.array();
  }

  private static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
