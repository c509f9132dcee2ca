package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The book's weight files shipped as resources: their published checksums, the licence beside them,
 * and a damaged or modified copy rejected before it is unpickled.
 */
class ShippedBookWeightsTest {
  /** The bytes of the resource {@code name} in the shipped folder, unchecked. */
  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        ShippedFile.class.getResourceAsStream(
            "/dev/tapegrad/layers/data/" + ShippedBookWeights.RESOURCE_DIRECTORY + name)) {
      assertTrue(in != null, name + " ships with the book's weights");
      return in.readAllBytes();
    }
  }

  @Test
  void filesHaveTheChecksumsTheirReadmePublishes() throws IOException {
    String readme = new String(resource("README.md"), StandardCharsets.UTF_8);
    Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(readme);
    Map<String, String> published = new HashMap<>();
    while (line.find()) {
      published.put(line.group(2), line.group(1));
    }
    assertEquals(ShippedBookWeights.SHA256, published);
    for (Map.Entry<String, String> file : published.entrySet()) {
      assertEquals(file.getValue(), ShippedFile.sha256Hex(resource(file.getKey())), file.getKey());
    }
  }

  @Test
  void theirMitLicenceShipsBesideThem() throws IOException {
    String licence = new String(resource("LICENSE-book-code.md"), StandardCharsets.UTF_8);
    assertTrue(licence.startsWith("The MIT License (MIT)"), licence);
    assertTrue(licence.contains("Copyright (c) 2016 Koki Saitoh"), licence);
  }

  @ParameterizedTest
  @ValueSource(strings = {BookWeights.SAMPLE_WEIGHT, BookWeights.DEEP_CONVNET})
  void theShippedCopyReadsAsTheSameFileOnDisk(String fileName, @TempDir Path dir)
      throws IOException {
    Path file = Files.write(dir.resolve(fileName), resource(fileName));
    Map<String, Tensor> shipped = BookWeights.loadShipped(fileName);
    Map<String, Tensor> onDisk = BookWeights.load(file);
    assertEquals(onDisk.keySet(), shipped.keySet());
    for (String name : onDisk.keySet()) {
      assertArrayEquals(onDisk.get(name).shape(), shipped.get(name).shape(), name);
      assertArrayEquals(onDisk.get(name).data(), shipped.get(name).data(), name);
    }
  }

  @Test
  void aModifiedCopyIsRejectedWithTheReason() throws IOException {
    String name = BookWeights.SIMPLE_CONVNET;
    byte[] content = resource(name);
    content[content.length / 2] ^= 1; // one bit of one weight: still a readable pickle
    String source = ShippedBookWeights.source(name);

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                ShippedFile.verify(
                    content, source, ShippedBookWeights.SHA256.get(name), ShippedBookWeights.WHAT));
    assertEquals(
        "classpath:dev/tapegrad/layers/data/book-weights/params.pkl: SHA-256 is "
            + ShippedFile.sha256Hex(content)
            + ", expected a5da99cffddafcfe5e686e79dc0ec3a7cc993b58e64f483b50960511e5e85344:"
            + " a damaged or modified copy of the book's weights",
        e.getMessage());
  }

  @Test
  void onlyTheBooksThreeFilesAreShipped() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BookWeights.loadShipped("README.md"));
    assertEquals(
        "'README.md' is not one of the book's weight files: expected sample_weight.pkl,"
            + " params.pkl or deep_convnet_params.pkl",
        e.getMessage());
  }

  @Test
  void aMissingShippedFileIsNamed() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> ShippedFile.read("book-weights/nothing.pkl", "0".repeat(64), "the test"));
    assertEquals(
        "classpath:dev/tapegrad/layers/data/book-weights/nothing.pkl: missing from the class path"
            + " (the test)",
        e.getMessage());
  }

  @Test
  void sha256OfAKnownInputIsTheStandardOne() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ShippedFile.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
  }
}
