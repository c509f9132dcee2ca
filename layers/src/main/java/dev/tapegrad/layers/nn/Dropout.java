package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;
import java.util.random.RandomGenerator;

/**
 * The book's Dropout: in training {@code x·mask} with {@code mask = rand > ratio} (a fresh mask
 * each call), in evaluation {@code x·(1 − ratio)}. With {@code inverted} the training output is
 * divided by {@code 1 − ratio} instead and evaluation is the identity (PyTorch's convention).
 */
public final class Dropout extends Module {
  private final double ratio;
  private final boolean inverted;
  private final RandomGenerator rng;

  public Dropout(String name, double ratio, RandomGenerator rng) {
    this(name, ratio, false, rng);
  }

  public Dropout(String name, double ratio, boolean inverted, RandomGenerator rng) {
    super(name);
    if (!(ratio >= 0 && ratio < 1)) {
      throw new IllegalArgumentException(name + ": dropout ratio must be in [0, 1), got " + ratio);
    }
    this.ratio = ratio;
    this.inverted = inverted;
    this.rng = rng;
  }

  public double ratio() {
    return ratio;
  }

  @Override
  public Tensor forward(Tensor x) {
    if (!isTraining()) {
      return inverted ? x : x.mul(1 - ratio);
    }
    double keep = inverted ? 1 / (1 - ratio) : 1;
    double[] mask = new double[x.size()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = rng.nextDouble() > ratio ? keep : 0;
    }
    return x.mul(Tensor.wrap(mask, x.shape()).named("mask"));
  }
}
