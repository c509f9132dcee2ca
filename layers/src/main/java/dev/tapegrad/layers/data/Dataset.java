package dev.tapegrad.layers.data;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Labelled samples for classification: an images tensor whose first axis is the sample (for example
 * (N, 784) or (N, 1, 28, 28)) and one class label in {@code 0..classes-1} per sample.
 *
 * <p>A dataset also says how its {@link #targets()} are encoded: as class indices or as one-hot
 * rows, the two forms of the book's {@code t}. Subsets, shuffles, splits and batches copy the rows
 * they pick, so they never share numbers with the dataset they came from. The images tensor
 * returned by {@link #images()} is the dataset's own; do not change its numbers.
 */
public final class Dataset {
  private final Tensor images;
  private final int[] labels;
  private final int classes;
  private final boolean oneHotTargets;

  private Dataset(Tensor images, int[] labels, int classes, boolean oneHotTargets) {
    this.images = images;
    this.labels = labels;
    this.classes = classes;
    this.oneHotTargets = oneHotTargets;
  }

  /**
   * A dataset of {@code images} (first axis: one entry per sample) and a copy of {@code labels},
   * each in {@code 0..classes-1}; its targets are class indices.
   */
  public static Dataset of(Tensor images, int[] labels, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("dataset: needs at least 1 class, got " + classes);
    }
    if (images.rank() == 0 || images.dim(0) != labels.length) {
      throw new IllegalArgumentException(
          "dataset: images of shape "
              + Shape.format(images.shape())
              + " do not match "
              + labels.length
              + " labels (the first axis must have one entry per label)");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "dataset: label " + labels[i] + " of sample " + i + " is outside 0.." + (classes - 1));
      }
    }
    return new Dataset(images, labels.clone(), classes, false);
  }

  /** This dataset with its targets encoded as one-hot rows ({@code true}) or class indices. */
  public Dataset withOneHotTargets(boolean oneHot) {
    return new Dataset(images, labels, classes, oneHot);
  }

  /** The number of samples. */
  public int size() {
    return labels.length;
  }

  /** The number of classes labels are drawn from. */
  public int classes() {
    return classes;
  }

  /** The images, one per entry of the first axis (the dataset's own tensor, not a copy). */
  public Tensor images() {
    return images;
  }

  /** A copy of the labels, one class index per sample. */
  public int[] labels() {
    return labels.clone();
  }

  /** The label of sample {@code index}. */
  public int label(int index) {
    return labels[index];
  }

  /** Whether {@link #targets()} are one-hot rows rather than class indices. */
  public boolean hasOneHotTargets() {
    return oneHotTargets;
  }

  /** The labels as an (N, classes) tensor with a single 1 per row, at the label's column. */
  public Tensor oneHotLabels() {
    Tensor oneHot = Tensor.zeros(labels.length, classes);
    double[] data = oneHot.data();
    for (int i = 0; i < labels.length; i++) {
      data[i * classes + labels[i]] = 1;
    }
    return oneHot;
  }

  /**
   * What a loss compares predictions with: {@link #oneHotLabels()} when the targets are one-hot,
   * otherwise the class indices as an (N) tensor. Made afresh on each call.
   */
  public Tensor targets() {
    if (oneHotTargets) {
      return oneHotLabels();
    }
    return Tensor.wrap(Arrays.stream(labels).asDoubleStream().toArray(), labels.length);
  }

  /** How many samples each class has: entry {@code c} counts the labels equal to {@code c}. */
  public int[] classCounts() {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** The samples at {@code indices}, in that order (copied; an index may repeat). */
  public Dataset rows(int[] indices) {
    int[] picked = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= labels.length) {
        throw new IndexOutOfBoundsException(
            "dataset: index " + indices[i] + " out of range for " + labels.length + " samples");
      }
      picked[i] = labels[indices[i]];
    }
    return new Dataset(images.detach().rows(indices), picked, classes, oneHotTargets);
  }

  /** The first {@code n} samples (the book's quick runs on a part of MNIST). */
  public Dataset subset(int n) {
    if (n < 0 || n > size()) {
      throw new IllegalArgumentException(
          "dataset: cannot take a subset of " + n + " from " + size() + " samples");
    }
    return rows(Permutations.identity(n));
  }

  /**
   * {@code n} samples drawn at random without replacement, the same ones for the same {@code seed},
   * kept in the dataset's order (a fixed evaluation sample; copied like {@link #rows}).
   */
  public Dataset sample(int n, long seed) {
    if (n < 0 || n > size()) {
      throw new IllegalArgumentException(
          "dataset: cannot sample " + n + " of " + size() + " samples");
    }
    int[] picked = Arrays.copyOf(Permutations.random(size(), new SplittableRandom(seed)), n);
    Arrays.sort(picked);
    return rows(picked);
  }

  /** All samples in an order that is random but the same for the same {@code seed}. */
  public Dataset shuffled(long seed) {
    return rows(Permutations.random(size(), new SplittableRandom(seed)));
  }

  /**
   * Shuffles with {@code seed}, then holds out the first {@code floor(size * fraction)} samples for
   * validation and keeps the rest for training, as the book's hyperparameter search does (with
   * fraction 0.2). Both parts must be non-empty.
   */
  public TrainValidationSplit splitValidation(double fraction, long seed) {
    int held = (int) Math.floor(size() * fraction);
    if (!(fraction > 0 && fraction < 1) || held == 0 || held == size()) {
      throw new IllegalArgumentException(
          "dataset: a validation fraction of "
              + fraction
              + " of "
              + size()
              + " samples holds out "
              + held
              + "; both parts must be non-empty");
    }
    int[] order = Permutations.random(size(), new SplittableRandom(seed));
    return new TrainValidationSplit(
        rows(Arrays.copyOfRange(order, held, order.length)),
        rows(Arrays.copyOfRange(order, 0, held)));
  }

  /** One epoch of mini-batches in an order shuffled with {@code seed} (see {@link MiniBatches}). */
  public MiniBatches batches(int batchSize, long seed) {
    return batches(batchSize, new SplittableRandom(seed));
  }

  /**
   * One epoch of mini-batches in an order drawn from {@code rng}; calling this once per epoch with
   * one seeded generator gives a new but reproducible order every epoch.
   */
  public MiniBatches batches(int batchSize, RandomGenerator rng) {
    return new MiniBatches(this, Permutations.random(size(), rng), batchSize);
  }

  /** Mini-batches in the dataset's own order, for evaluating a network batch by batch. */
  public MiniBatches sequentialBatches(int batchSize) {
    return new MiniBatches(this, Permutations.identity(size()), batchSize);
  }

  @Override
  public String toString() {
    return "Dataset("
        + size()
        + " samples, images "
        + Shape.format(images.shape())
        + ", "
        + classes
        + " classes"
        + (oneHotTargets ? ", one-hot targets)" : ")");
  }
}
