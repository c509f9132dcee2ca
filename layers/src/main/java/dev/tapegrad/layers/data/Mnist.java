package dev.tapegrad.layers.data;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.io.FileProblem;
import dev.tapegrad.layers.io.HeapLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Loads MNIST (or any dataset in its layout, such as Fashion-MNIST) into {@link Dataset}s, with the
 * book's {@code load_mnist} options ({@link MnistOptions}).
 *
 * <p>A directory must hold the four standard files {@code train-images-idx3-ubyte}, {@code
 * train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each
 * raw or gzipped (with or without {@code .gz}). Images must be 28×28, there must be as many labels
 * as images, and every label must be in 0..9; anything else is an {@link IdxFormatException} naming
 * the file. {@link #embeddedSample(MnistOptions)} loads the 10,000 real MNIST digits that ship
 * inside this library, so everything runs offline.
 */
public final class Mnist {
  /** The number of classes (digits 0 to 9). */
  public static final int CLASSES = 10;

  /** Image height in pixels. */
  public static final int ROWS = 28;

  /** Image width in pixels. */
  public static final int COLUMNS = 28;

  static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  private static final int IMAGE_RANK = 3;
  private static final int LABEL_RANK = 1;

  private Mnist() {}

  /** Where the four standard files come from: a base name and the dimension count it must have. */
  @FunctionalInterface
  private interface IdxSource {
    IdxArray read(String baseName, int rank) throws IOException;
  }

  /** The train and test sets from the four standard files in {@code directory}. */
  public static TrainTestSplit load(Path directory, MnistOptions options) throws IOException {
    requireDirectory(directory);
    return loadSplit((name, rank) -> IdxReader.read(find(directory, name), rank), options);
  }

  /** Fails with the reason (see {@link FileProblem}) unless {@code path} is a directory. */
  private static void requireDirectory(Path path) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      throw FileProblem.explained(path, e);
    }
    if (!attributes.isDirectory()) {
      throw FileProblem.explained(path, new NotDirectoryException(path.toString()));
    }
  }

  /**
   * The 8,000 training and 2,000 test digits that ship inside this library (provenance and license
   * in {@code mnist-sample/README.md} next to this class), checked against their SHA-256.
   */
  public static TrainTestSplit embeddedSample(MnistOptions options) throws IOException {
    return loadSplit(EmbeddedMnistSample::read, options);
  }

  /** One dataset from an images file and its labels file, in any names and locations. */
  public static Dataset load(Path imagesFile, Path labelsFile, MnistOptions options)
      throws IOException {
    return assemble(
        IdxReader.read(imagesFile, IMAGE_RANK), IdxReader.read(labelsFile, LABEL_RANK), options);
  }

  private static TrainTestSplit loadSplit(IdxSource source, MnistOptions options)
      throws IOException {
    Dataset train =
        assemble(
            source.read(TRAIN_IMAGES, IMAGE_RANK), source.read(TRAIN_LABELS, LABEL_RANK), options);
    Dataset test =
        assemble(
            source.read(TEST_IMAGES, IMAGE_RANK), source.read(TEST_LABELS, LABEL_RANK), options);
    return new TrainTestSplit(train, test);
  }

  /**
   * The raw file {@code baseName} in {@code directory} if it exists, else {@code baseName.gz}. Only
   * a file that does not exist is looked for under its other name: one that cannot be read, or a
   * directory by that name, is returned for the reader to report (permission denied, is a
   * directory), not taken for missing.
   */
  private static Path find(Path directory, String baseName) throws IOException {
    Path raw = directory.resolve(baseName);
    Path gzipped = directory.resolve(baseName + ".gz");
    for (Path candidate : new Path[] {raw, gzipped}) {
      try {
        Files.readAttributes(candidate, BasicFileAttributes.class);
        return candidate;
      } catch (NoSuchFileException e) {
        // Try the other name.
      } catch (IOException e) {
        throw FileProblem.explained(candidate, e);
      }
    }
    throw new NoSuchFileException(
        raw.toString(),
        null,
        "MNIST needs " + baseName + " or " + baseName + ".gz in " + directory);
  }

  private static Dataset assemble(IdxArray images, IdxArray labels, MnistOptions options)
      throws IdxFormatException {
    if (images.dimension(1) != ROWS || images.dimension(2) != COLUMNS) {
      throw new IdxFormatException(
          images.source(),
          "images are "
              + images.dimension(1)
              + "x"
              + images.dimension(2)
              + ", MNIST images are "
              + ROWS
              + "x"
              + COLUMNS);
    }
    if (images.count() != labels.count()) {
      throw new IdxFormatException(
          images.source(),
          "holds "
              + images.count()
              + " images but "
              + labels.source()
              + " holds "
              + labels.count()
              + " labels");
    }
    int[] classes = labels.toInts();
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] >= CLASSES) {
        throw new IdxFormatException(
            labels.source(),
            "label " + classes[i] + " at index " + i + " is outside 0.." + (CLASSES - 1));
      }
    }
    Optional<String> tooLarge = HeapLimit.problem((long) images.size() * Double.BYTES);
    if (tooLarge.isPresent()) {
      throw new IdxFormatException(
          images.source(), "a float64 copy of the images " + tooLarge.get());
    }
    int n = images.count();
    int[] shape =
        options.flatten() ? new int[] {n, ROWS * COLUMNS} : new int[] {n, 1, ROWS, COLUMNS};
    Tensor pixels = Tensor.wrap(images.toDoubles(options.normalize() ? 255.0 : 1.0), shape);
    return Dataset.of(pixels, classes, CLASSES).withOneHotTargets(options.oneHotLabel());
  }
}
