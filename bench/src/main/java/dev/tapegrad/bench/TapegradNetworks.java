package dev.tapegrad.bench;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;
import dev.tapegrad.layers.Sequential;
import dev.tapegrad.layers.init.Initializer;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.Sigmoid;
import java.util.random.RandomGenerator;

/**
 * The benchmark network that {@code dev.tapegrad.layers.net} does not provide as a class: the
 * chapter-3 784-50-100-10 sigmoid network.
 */
final class TapegradNetworks {
  private TapegradNetworks() {}

  /** The chapter-3 network: Affine 784-50, Sigmoid, Affine 50-100, Sigmoid, Affine 100-10. */
  static Module sigmoidInferenceNet(RandomGenerator rng) {
    Initializer weights = WeightInit.normal(0.01);
    return new Sequential(
        "InferenceNet",
        affine("Affine1", weights, rng, 784, 50),
        new Sigmoid("Sigmoid1"),
        affine("Affine2", weights, rng, 50, 100),
        new Sigmoid("Sigmoid2"),
        affine("Affine3", weights, rng, 100, 10));
  }

  private static Affine affine(
      String name, Initializer weights, RandomGenerator rng, int in, int out) {
    return new Affine(name, weights.create(rng, in, out), Tensor.zeros(out));
  }
}
