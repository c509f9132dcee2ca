package dev.tapegrad.examples.experiments;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.net.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The book's experiment on activation distributions (section 6.2, Fig 6-10 to 6-14): inputs pass
 * through square fully connected layers without bias, {@code a = x·W}, {@code x = h(a)}, the
 * weights drawn from a {@link WeightInit}; the outputs of every layer are kept for histograms.
 */
public final class ActivationStack {
  private ActivationStack() {}

  /**
   * The outputs of each of {@code layers} layers for {@code input} (N, n): layer k gets weights (n,
   * n) drawn from {@code init} with {@code rng}.
   */
  public static List<Tensor> outputs(
      Tensor input, int layers, WeightInit init, Activation activation, RandomGenerator rng) {
    if (input.rank() != 2 || layers < 1) {
      throw new IllegalArgumentException(
          "activation stack: needs a 2-D input and at least one layer, got shape "
              + Shape.format(input.shape())
              + " and "
              + layers
              + " layers");
    }
    int nodes = input.dim(1);
    List<Tensor> outputs = new ArrayList<>(layers);
    Tensor x = input;
    for (int k = 1; k <= layers; k++) {
      Tensor w = init.create(rng, nodes, nodes);
      x = activation.layer(k).forward(x.dot(w));
      outputs.add(x);
    }
    return outputs;
  }
}
