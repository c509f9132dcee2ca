package dev.tapegrad.bench;

import dev.tapegrad.autograd.Tensor;
import java.util.random.RandomGenerator;

/**
 * MNIST-shaped random data for timing: pixels uniform in [0, 1), labels uniform over 10 classes.
 * Speed does not depend on the values, so every peer draws its own with the same distribution.
 */
public final class SyntheticData {
  /** MNIST's classes. */
  public static final int CLASSES = 10;

  private SyntheticData() {}

  /** {@code n} flattened images, shape (n, 784). */
  public static Tensor flatImages(RandomGenerator rng, int n) {
    return Tensor.rand(rng, n, 28 * 28);
  }

  /** {@code n} images, shape (n, 1, 28, 28). */
  public static Tensor images(RandomGenerator rng, int n) {
    return Tensor.rand(rng, n, 1, 28, 28);
  }

  /** {@code n} class labels in [0, 10). */
  public static int[] labels(RandomGenerator rng, int n) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(CLASSES);
    }
    return labels;
  }
}
