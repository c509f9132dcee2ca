package dev.tapegrad.layers.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The MNIST sample shipped as class-path resources under {@code
 * dev/tapegrad/layers/data/mnist-sample/}: 10,000 real digits split 8,000 / 2,000 (provenance and
 * license in the README there). Each file's SHA-256 is checked before it is parsed, so a damaged
 * jar is reported instead of training on wrong data.
 */
final class EmbeddedMnistSample {
  static final String RESOURCE_DIRECTORY = "mnist-sample/";

  /** SHA-256 of each resource, as published with the sample. */
  static final Map<String, String> SHA256 =
      Map.of(
          Mnist.TRAIN_IMAGES + ".gz",
          "f0216db87dbecbc6733275d6790de577a4cb4e1bb5d69f8088e1ac98b96a4980",
          Mnist.TRAIN_LABELS + ".gz",
          "91d2c7be498f0b5aa7a25c363ab539ff39e2c94a51794e7eb56654310b940386",
          Mnist.TEST_IMAGES + ".gz",
          "654b599859bbc5dc05408164bec75bf0f8910db1df6f968b09c9294ec8e91cee",
          Mnist.TEST_LABELS + ".gz",
          "deaf0dab191cb9079cd01640af97d855d01b5f7dc2d6b93ebd2b87208dbb48da");

  private EmbeddedMnistSample() {}

  /** Reads, checks and parses the resource for the standard file {@code baseName}. */
  static IdxArray read(String baseName, int rank) throws IOException {
    String fileName = baseName + ".gz";
    String source = "classpath:" + resourcePath(fileName);
    byte[] content = resourceBytes(fileName);
    verify(content, source, SHA256.get(fileName));
    return IdxReader.read(new ByteArrayInputStream(content), source, rank);
  }

  /** The bytes of resource {@code fileName} of the sample. */
  static byte[] resourceBytes(String fileName) throws IOException {
    try (InputStream in =
        EmbeddedMnistSample.class.getResourceAsStream(RESOURCE_DIRECTORY + fileName)) {
      if (in == null) {
        throw new IOException(
            "classpath:" + resourcePath(fileName) + ": the embedded MNIST sample file is missing");
      }
      return in.readAllBytes();
    }
  }

  /** Throws unless {@code content} has the SHA-256 {@code expectedHex}. */
  static void verify(byte[] content, String source, String expectedHex) throws IOException {
    String actual = sha256Hex(content);
    if (!actual.equals(expectedHex)) {
      throw new IOException(
          source
              + ": SHA-256 is "
              + actual
              + ", expected "
              + expectedHex
              + "; the embedded MNIST sample is damaged");
    }
  }

  /** The SHA-256 of {@code content} as lower-case hex. */
  static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static String resourcePath(String fileName) {
    return EmbeddedMnistSample.class.getPackageName().replace('.', '/')
        + "/"
        + RESOURCE_DIRECTORY
        + fileName;
  }
}
