package dev.tapegrad.layers.io;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A data file that ships inside this module under {@code dev/tapegrad/layers/data/} (the MNIST
 * sample, the book's trained weights), read from the class path, also from a jar, and checked
 * against the SHA-256 published in the README beside it, so that a damaged or modified copy is
 * rejected with the reason instead of being used.
 */
public final class ShippedFile {
  /** The class-path folder every shipped file lives under. */
  private static final String ROOT = "/dev/tapegrad/layers/data/";

  private ShippedFile() {}

  /**
   * The bytes of the shipped file {@code path} (relative to {@code dev/tapegrad/layers/data/}, e.g.
   * {@code book-weights/params.pkl}), which must have the SHA-256 {@code expectedSha256}.
   *
   * @param what what the file belongs to, for errors (e.g. {@code the book's weights})
   * @throws IOException naming the file when it is missing or its SHA-256 differs
   */
  public static byte[] read(String path, String expectedSha256, String what) throws IOException {
    byte[] content;
    try (InputStream in = ShippedFile.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IOException(source(path) + ": missing from the class path (" + what + ")");
      }
      content = in.readAllBytes();
    }
    verify(content, source(path), expectedSha256, what);
    return content;
  }

  /** How errors name the shipped file {@code path}: {@code classpath:dev/tapegrad/...}. */
  public static String source(String path) {
    return "classpath:" + ROOT.substring(1) + path;
  }

  /**
   * Throws unless {@code content} has the SHA-256 {@code expectedSha256}.
   *
   * @throws IOException {@code <source>: SHA-256 is <actual>, expected <expected>: a damaged or
   *     modified copy of <what>}
   */
  public static void verify(byte[] content, String source, String expectedSha256, String what)
      throws IOException {
    String actual = sha256Hex(content);
    if (!actual.equals(expectedSha256)) {
      throw new IOException(
          source
              + ": SHA-256 is "
              + actual
              + ", expected "
              + expectedSha256
              + ": a damaged or modified copy of "
              + what);
    }
  }

  /** The SHA-256 of {@code content} as 64 lower-case hex digits. */
  public static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
