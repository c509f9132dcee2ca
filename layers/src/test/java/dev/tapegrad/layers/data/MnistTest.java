package dev.tapegrad.layers.data;

import static dev.tapegrad.layers.data.IdxFiles.bytes;
import static dev.tapegrad.layers.data.IdxFiles.unsignedBytes;
import static dev.tapegrad.layers.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The MNIST loader on small generated directories: options, file lookup and consistency checks. */
class MnistTest {
  private static final int PIXELS = 28 * 28;
  private static final int[] TRAIN_LABELS = {5, 0, 4, 1, 9};
  private static final int[] TEST_LABELS = {7, 2, 1};

  @TempDir Path dir;
  private byte[] trainPixels;
  private byte[] testPixels;

  @BeforeEach
  void randomPixels() {
    SplittableRandom rng = new SplittableRandom(20261123);
    trainPixels = new byte[TRAIN_LABELS.length * PIXELS];
    testPixels = new byte[TEST_LABELS.length * PIXELS];
    for (byte[] pixels : new byte[][] {trainPixels, testPixels}) {
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (byte) rng.nextInt(256);
      }
    }
  }

  /**
   * Writes the four standard files; the train files gzipped with {@code .gz}, the test files raw.
   */
  private void writeDirectory() throws IOException {
    write(dir, "train-images-idx3-ubyte.gz", images(trainPixels, TRAIN_LABELS.length), true);
    write(dir, "train-labels-idx1-ubyte.gz", labels(TRAIN_LABELS), true);
    write(dir, "t10k-images-idx3-ubyte", images(testPixels, TEST_LABELS.length), false);
    write(dir, "t10k-labels-idx1-ubyte", labels(TEST_LABELS), false);
  }

  private static byte[] images(byte[] pixels, int count) {
    return unsignedBytes(new int[] {count, 28, 28}, pixels);
  }

  private static byte[] labels(int... labels) {
    return unsignedBytes(new int[] {labels.length}, bytes(labels));
  }

  static Stream<Arguments> allOptions() {
    Stream.Builder<Arguments> all = Stream.builder();
    for (boolean normalize : new boolean[] {false, true}) {
      for (boolean flatten : new boolean[] {false, true}) {
        for (boolean oneHot : new boolean[] {false, true}) {
          all.add(Arguments.of(new MnistOptions(normalize, flatten, oneHot)));
        }
      }
    }
    return all.build();
  }

  @ParameterizedTest
  @MethodSource("allOptions")
  void loadsBothPartsWithTheRequestedOptions(MnistOptions options) throws IOException {
    writeDirectory();

    TrainTestSplit mnist = Mnist.load(dir, options);

    assertPart(mnist.train(), trainPixels, TRAIN_LABELS, options);
    assertPart(mnist.test(), testPixels, TEST_LABELS, options);
  }

  private static void assertPart(Dataset part, byte[] pixels, int[] labels, MnistOptions options) {
    int n = labels.length;
    assertEquals(n, part.size());
    assertEquals(10, part.classes());
    assertArrayEquals(labels, part.labels());
    int[] expectedShape = options.flatten() ? new int[] {n, 784} : new int[] {n, 1, 28, 28};
    assertArrayEquals(expectedShape, part.images().shape());
    double[] values = part.images().data();
    for (int i = 0; i < pixels.length; i++) {
      int pixel = Byte.toUnsignedInt(pixels[i]);
      assertEquals(options.normalize() ? pixel / 255.0 : pixel, values[i], "pixel " + i);
    }
    assertEquals(options.oneHotLabel(), part.hasOneHotTargets());
    Tensor targets = part.targets();
    if (options.oneHotLabel()) {
      assertArrayEquals(new int[] {n, 10}, targets.shape());
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < 10; c++) {
          assertEquals(c == labels[i] ? 1.0 : 0.0, targets.get(i, c));
        }
      }
    } else {
      assertArrayEquals(new int[] {n}, targets.shape());
      for (int i = 0; i < n; i++) {
        assertEquals(labels[i], targets.get(i));
      }
    }
  }

  @Test
  void theBookDefaultsAreNormalizedFlattenedClassIndices() {
    assertEquals(new MnistOptions(true, true, false), MnistOptions.defaults());
    MnistOptions changed =
        MnistOptions.defaults().withNormalize(false).withFlatten(false).withOneHotLabel(true);
    assertEquals(new MnistOptions(false, false, true), changed);
  }

  @Test
  void prefersTheRawFileWhenBothFormsArePresent() throws IOException {
    writeDirectory();
    write(dir, "t10k-labels-idx1-ubyte.gz", labels(3, 3, 3), true);

    assertArrayEquals(TEST_LABELS, Mnist.load(dir, MnistOptions.defaults()).test().labels());
  }

  @Test
  void loadsOnePairOfFilesUnderAnyNames() throws IOException {
    Path images = write(dir, "digits.idx", images(testPixels, 3), true);
    Path labels = write(dir, "digit-labels.idx", labels(TEST_LABELS), false);

    Dataset part = Mnist.load(images, labels, MnistOptions.defaults());

    assertPart(part, testPixels, TEST_LABELS, MnistOptions.defaults());
  }

  @Test
  void namesTheMissingFileAndTheDirectory() throws IOException {
    writeDirectory();
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));

    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> Mnist.load(dir, MnistOptions.defaults()));
    assertEquals(dir.resolve("t10k-labels-idx1-ubyte").toString(), e.getFile());
    assertTrue(
        e.getMessage()
            .contains("MNIST needs t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz in " + dir),
        e.getMessage());
  }

  @Test
  void aDirectoryInPlaceOfAFileIsReportedAsSuchNotAsMissing() throws IOException {
    writeDirectory();
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
    Path folder = Files.createDirectory(dir.resolve("t10k-labels-idx1-ubyte"));

    FileSystemException e =
        assertThrows(FileSystemException.class, () -> Mnist.load(dir, MnistOptions.defaults()));

    assertEquals(folder + ": is a directory", e.getMessage());
  }

  @Test
  void rejectsMoreImagesThanLabels() throws IOException {
    writeDirectory();
    Path labels = write(dir, "t10k-labels-idx1-ubyte", labels(7, 2), false);

    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> Mnist.load(dir, MnistOptions.defaults()));
    assertEquals(
        dir.resolve("t10k-images-idx3-ubyte")
            + ": holds 3 images but "
            + labels
            + " holds 2 labels",
        e.getMessage());
  }

  @Test
  void rejectsALabelOutsideTheTenDigits() throws IOException {
    writeDirectory();
    Path labels = write(dir, "t10k-labels-idx1-ubyte", labels(7, 2, 10), false);

    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> Mnist.load(dir, MnistOptions.defaults()));
    assertEquals(labels + ": label 10 at index 2 is outside 0..9", e.getMessage());
  }

  @Test
  void rejectsImagesThatAreNot28By28() throws IOException {
    writeDirectory();
    Path images =
        write(
            dir,
            "t10k-images-idx3-ubyte",
            unsignedBytes(new int[] {3, 27, 28}, new byte[3 * 27 * 28]),
            false);

    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> Mnist.load(dir, MnistOptions.defaults()));
    assertEquals(images + ": images are 27x28, MNIST images are 28x28", e.getMessage());
  }

  @Test
  void rejectsFilesSwappedBetweenImagesAndLabels() throws IOException {
    writeDirectory();
    Path labels = write(dir, "train-labels-idx1-ubyte.gz", images(trainPixels, 5), true);

    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> Mnist.load(dir, MnistOptions.defaults()));
    assertEquals(labels.toString(), e.source());
    assertTrue(e.problem().contains("declares 3 dimension(s), expected 1"), e.getMessage());
  }
}
