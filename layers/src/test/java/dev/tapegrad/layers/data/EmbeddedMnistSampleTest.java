package dev.tapegrad.layers.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.io.ShippedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MNIST sample shipped as resources. Expected numbers come from the data's README and from
 * reading the files with NumPy.
 */
class EmbeddedMnistSampleTest {
  private static final int[] TRAIN_CLASS_COUNTS = {
    823, 914, 775, 810, 790, 696, 821, 849, 754, 768
  };
  private static final int[] TEST_CLASS_COUNTS = {178, 213, 216, 222, 190, 167, 193, 221, 190, 210};

  private static TrainTestSplit raw;
  private static TrainTestSplit normalizedOneHot;

  @BeforeAll
  static void load() throws IOException {
    raw = Mnist.embeddedSample(new MnistOptions(false, true, false));
    normalizedOneHot = Mnist.embeddedSample(new MnistOptions(true, true, true));
  }

  @Test
  void hasEightThousandTrainingAndTwoThousandTestDigits() {
    assertEquals(8000, raw.train().size());
    assertEquals(2000, raw.test().size());
    assertArrayEquals(new int[] {8000, 784}, raw.train().images().shape());
    assertArrayEquals(new int[] {2000, 784}, raw.test().images().shape());
  }

  @Test
  void hasThePublishedClassCounts() {
    assertArrayEquals(TRAIN_CLASS_COUNTS, raw.train().classCounts());
    assertArrayEquals(TEST_CLASS_COUNTS, raw.test().classCounts());
  }

  @Test
  void matchesValuesReadWithNumpy() {
    assertArrayEquals(new int[] {4, 1, 1, 6, 4, 0, 6, 1, 2, 3}, raw.train().subset(10).labels());
    assertArrayEquals(new int[] {3, 4, 3, 6, 0, 9, 3, 2, 6, 2}, raw.test().subset(10).labels());
    assertEquals(15558, pixelSum(raw.train(), 0));
    assertEquals(11681, pixelSum(raw.train(), 7999));
    assertEquals(35867, pixelSum(raw.test(), 0));
    assertEquals(27979, pixelSum(raw.test(), 1999));
    int[] row14 = {
      0, 0, 0, 0, 0, 0, 0, 0, 0, 87, 245, 245, 154, 12, 0, 145, 253, 145, 199, 0, 0, 0, 0, 0, 0, 0,
      0, 0
    };
    for (int x = 0; x < 28; x++) {
      assertEquals(row14[x], raw.train().images().get(0, 14 * 28 + x));
    }
  }

  private static double pixelSum(Dataset part, int image) {
    double sum = 0;
    for (int p = 0; p < 784; p++) {
      sum += part.images().get(image, p);
    }
    return sum;
  }

  @Test
  void normalizedPixelsArePixelDividedBy255AndSpanZeroToOne() {
    double[] pixels = raw.train().images().data();
    double[] scaled = normalizedOneHot.train().images().data();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < pixels.length; i++) {
      assertEquals(pixels[i] / 255.0, scaled[i]);
      min = Math.min(min, scaled[i]);
      max = Math.max(max, scaled[i]);
    }
    assertEquals(0.0, min);
    assertEquals(1.0, max);
  }

  @Test
  void oneHotRowsSumToOneAtTheLabel() {
    for (Dataset part : new Dataset[] {normalizedOneHot.train(), normalizedOneHot.test()}) {
      Tensor targets = part.targets();
      assertArrayEquals(new int[] {part.size(), 10}, targets.shape());
      double[] rowSums = targets.sum(1).data();
      double[] hot = targets.argmax(1).data();
      for (int i = 0; i < part.size(); i++) {
        assertEquals(1.0, rowSums[i]);
        assertEquals(part.label(i), hot[i]);
      }
    }
  }

  @ParameterizedTest(name = "flatten={0}")
  @ValueSource(booleans = {true, false})
  void hasTheShapeTheFlattenOptionAsksFor(boolean flatten) throws IOException {
    TrainTestSplit sample = Mnist.embeddedSample(MnistOptions.defaults().withFlatten(flatten));
    int[] expected = flatten ? new int[] {2000, 784} : new int[] {2000, 1, 28, 28};
    assertArrayEquals(expected, sample.test().images().shape());
    assertArrayEquals(raw.test().images().data(), sample.test().images().mul(255.0).data(), 1e-12);
  }

  // ------------------------------------------------------------------ integrity

  @Test
  void resourcesHaveTheChecksumsTheirReadmePublishes() throws IOException {
    Map<String, String> published = readmeChecksums();
    assertEquals(EmbeddedMnistSample.SHA256, published);
    for (Map.Entry<String, String> file : published.entrySet()) {
      assertEquals(file.getValue(), ShippedFile.sha256Hex(resource(file.getKey())), file.getKey());
    }
  }

  private static Map<String, String> readmeChecksums() throws IOException {
    String readme = new String(resource("README.md"), StandardCharsets.UTF_8);
    Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(readme);
    Map<String, String> checksums = new HashMap<>();
    while (line.find()) {
      checksums.put(line.group(2), line.group(1));
    }
    return checksums;
  }

  /** The bytes of the sample's resource {@code name}, unchecked. */
  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        EmbeddedMnistSample.class.getResourceAsStream(
            EmbeddedMnistSample.RESOURCE_DIRECTORY + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aDamagedResourceIsRejectedByItsChecksum() throws IOException {
    String name = "t10k-labels-idx1-ubyte.gz";
    byte[] content = resource(name);
    content[100] ^= 1;

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                ShippedFile.verify(
                    content,
                    "classpath:" + name,
                    EmbeddedMnistSample.SHA256.get(name),
                    EmbeddedMnistSample.WHAT));
    assertEquals(
        "classpath:"
            + name
            + ": SHA-256 is "
            + ShippedFile.sha256Hex(content)
            + ", expected "
            + EmbeddedMnistSample.SHA256.get(name)
            + ": a damaged or modified copy of the embedded MNIST sample",
        e.getMessage());
  }

  @Test
  void loadsTheSameFromADirectoryOfRawOrGzippedCopies(@TempDir Path dir) throws IOException {
    for (String name : EmbeddedMnistSample.SHA256.keySet()) {
      byte[] gzipped = resource(name);
      if (name.startsWith("train")) {
        Files.write(dir.resolve(name), gzipped);
      } else {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
          Files.write(dir.resolve(name.replace(".gz", "")), in.readAllBytes());
        }
      }
    }

    TrainTestSplit fromDirectory = Mnist.load(dir, new MnistOptions(false, true, false));

    for (String part : new String[] {"train", "test"}) {
      Dataset expected = part.equals("train") ? raw.train() : raw.test();
      Dataset actual = part.equals("train") ? fromDirectory.train() : fromDirectory.test();
      assertArrayEquals(expected.labels(), actual.labels(), part);
      assertArrayEquals(expected.images().data(), actual.images().data(), part);
    }
  }
}
