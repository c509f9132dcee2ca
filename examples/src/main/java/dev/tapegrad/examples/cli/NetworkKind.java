package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.net.Activation;
import dev.tapegrad.layers.net.DeepConvNet;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.net.SimpleConvNet;
import dev.tapegrad.layers.net.TwoLayerNet;
import java.util.List;
import java.util.random.RandomGenerator;

/** The networks the CLI can build with {@code --net}, with the book's shapes for MNIST. */
public enum NetworkKind {
  TWO_LAYER("two-layer", false),
  MULTI_LAYER("multi-layer", false),
  MULTI_LAYER_EXTEND("multi-layer-extend", false),
  SIMPLE_CONV("simple-conv", true),
  DEEP_CONV("deep-conv", true);

  private final String label;
  private final boolean images;

  NetworkKind(String label, boolean images) {
    this.label = label;
    this.images = images;
  }

  /** Whether the network takes (N,1,28,28) images rather than flat (N,784) vectors. */
  public boolean takesImages() {
    return images;
  }

  @Override
  public String toString() {
    return label;
  }

  /** Parses the CLI label ({@code two-layer}, ...). */
  public static NetworkKind parse(String text) {
    for (NetworkKind k : values()) {
      if (k.label.equals(text)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown network '"
            + text
            + "'; choose one of two-layer, multi-layer, multi-layer-extend,"
            + " simple-conv, deep-conv");
  }

  /**
   * Builds the network: TwoLayerNet 784-50-10 (ReLU), MultiLayerNet 784-100×4-10 (ReLU, He),
   * MultiLayerNetExtend likewise with the given batch norm and dropout, SimpleConvNet and
   * DeepConvNet as the book.
   */
  public Network create(
      double weightDecay, boolean batchNorm, double dropout, RandomGenerator rng) {
    return create(weightDecay, batchNorm, dropout, null, rng);
  }

  /**
   * As {@link #create(double, boolean, double, RandomGenerator)} with the weights drawn by {@code
   * init} instead of the book's default for the network (null: the book's); DeepConvNet keeps the
   * book's He initialisation.
   */
  public Network create(
      double weightDecay, boolean batchNorm, double dropout, WeightInit init, RandomGenerator rng) {
    if (init != null && this == DEEP_CONV) {
      throw new IllegalArgumentException("deep-conv always uses He initialisation, as the book");
    }
    List<Integer> hidden = List.of(100, 100, 100, 100);
    MultiLayerNet.Options options =
        MultiLayerNet.Options.defaults()
            .withActivation(Activation.RELU)
            .withWeightInit(init != null ? init : WeightInit.he())
            .withWeightDecay(weightDecay);
    WeightInit small = init != null ? init : WeightInit.normal(0.01);
    Network net =
        switch (this) {
          case TWO_LAYER -> new TwoLayerNet(784, 50, 10, small, Activation.RELU, rng);
          case MULTI_LAYER -> new MultiLayerNet(784, hidden, 10, options, rng);
          case MULTI_LAYER_EXTEND ->
              new MultiLayerNet(
                  784,
                  hidden,
                  10,
                  dropout > 0
                      ? options.withBatchNorm(batchNorm).withDropout(dropout)
                      : options.withBatchNorm(batchNorm),
                  rng);
          case SIMPLE_CONV ->
              new SimpleConvNet(SimpleConvNet.Config.book().withWeightInit(small), rng);
          case DEEP_CONV -> new DeepConvNet(rng);
        };
    net.setWeightDecay(weightDecay);
    return net;
  }
}
