package dev.tapegrad.layers.net;

import dev.tapegrad.autograd.Tensor;
import java.util.random.RandomGenerator;

/** Fresh parameter tensors for the networks: scaled normal weights and zero biases. */
final class Weights {
  private Weights() {}

  static Tensor normal(RandomGenerator rng, double std, int... shape) {
    Tensor w = Tensor.randn(rng, shape);
    double[] d = w.data();
    for (int i = 0; i < d.length; i++) {
      d[i] *= std;
    }
    return w;
  }
}
