package dev.tapegrad.layers.init;

import dev.tapegrad.autograd.Tensor;
import java.util.random.RandomGenerator;

/**
 * Makes the initial value of a parameter of a given shape. Weights use a {@link WeightInit}; biases
 * use {@link #zeros()}, as in the book.
 */
@FunctionalInterface
public interface Initializer {

  /**
   * A new tensor of {@code shape} (a fresh leaf, not yet requiring a gradient).
   *
   * @param rng the source of randomness; pass a seeded generator for repeatable runs
   */
  Tensor create(RandomGenerator rng, int... shape);

  /** All zeros, the book's bias initialization; draws nothing from the generator. */
  static Initializer zeros() {
    return (rng, shape) -> Tensor.zeros(shape);
  }
}
