package dev.tapegrad.layers.io;

import java.io.IOException;
import java.util.Map;

/**
 * The book's three weight files as shipped under {@code dev/tapegrad/layers/data/book-weights/}
 * (MIT licensed, the licence and their provenance beside them), with the SHA-256 their README
 * publishes.
 */
final class ShippedBookWeights {
  static final String RESOURCE_DIRECTORY = "book-weights/";

  /** What errors call these files. */
  static final String WHAT = "the book's weights";

  /** SHA-256 of each file, as published with them. */
  static final Map<String, String> SHA256 =
      Map.of(
          BookWeights.SAMPLE_WEIGHT,
          "b7f55a27988ba34c3777b0f1bbd464817c8a4db855723e6ff26f703501917a13",
          BookWeights.SIMPLE_CONVNET,
          "a5da99cffddafcfe5e686e79dc0ec3a7cc993b58e64f483b50960511e5e85344",
          BookWeights.DEEP_CONVNET,
          "4b7a27baee2037605afa94d3f514ca9fa9cc96623739328609765073cfd5f802");

  private ShippedBookWeights() {}

  /**
   * The checked bytes of the shipped {@code fileName}.
   *
   * @throws IllegalArgumentException when {@code fileName} is not one of the book's three files
   */
  static byte[] read(String fileName) throws IOException {
    String sha256 = SHA256.get(fileName);
    if (sha256 == null) {
      throw new IllegalArgumentException(
          "'"
              + fileName
              + "' is not one of the book's weight files: expected "
              + BookWeights.SAMPLE_WEIGHT
              + ", "
              + BookWeights.SIMPLE_CONVNET
              + " or "
              + BookWeights.DEEP_CONVNET);
    }
    return ShippedFile.read(RESOURCE_DIRECTORY + fileName, sha256, WHAT);
  }

  /** How errors name the shipped {@code fileName}. */
  static String source(String fileName) {
    return ShippedFile.source(RESOURCE_DIRECTORY + fileName);
  }
}
