package dev.tapegrad.layers.data;

import dev.tapegrad.layers.io.ShippedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The MNIST sample shipped as class-path resources under {@code
 * dev/tapegrad/layers/data/mnist-sample/}: 10,000 real digits split 8,000 / 2,000 (provenance and
 * license in the README there). Each file's SHA-256 is checked before it is parsed ({@link
 * ShippedFile}), so a damaged jar is reported instead of training on wrong data.
 */
final class EmbeddedMnistSample {
  static final String RESOURCE_DIRECTORY = "mnist-sample/";

  /** What errors call these files. */
  static final String WHAT = "the embedded MNIST sample";

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
    String path = RESOURCE_DIRECTORY + baseName + ".gz";
    byte[] content = ShippedFile.read(path, SHA256.get(baseName + ".gz"), WHAT);
    return IdxReader.read(new ByteArrayInputStream(content), ShippedFile.source(path), rank);
  }
}
