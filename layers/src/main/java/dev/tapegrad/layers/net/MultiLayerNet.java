package dev.tapegrad.layers.net;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.BatchNormalization;
import dev.tapegrad.layers.nn.Dropout;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The book's fully connected network of chapter 6: {@code Affine1 → [BatchNorm1] → Relu1 →
 * [Dropout1] → ... → AffineN → SoftmaxWithLoss}, with any hidden sizes, ReLU or sigmoid, a weight
 * initialisation spec (a std, {@code he} or {@code xavier}) and L2 weight decay. Batch norm and
 * dropout are off unless {@link Options} asks for them (the book's MultiLayerNetExtend).
 */
public final class MultiLayerNet extends Network {

  /**
   * How the network is built: the book's {@code activation}, {@code weight_init_std}, {@code
   * weight_decay_lambda}, and the MultiLayerNetExtend switches {@code use_batchnorm}, {@code
   * use_dropout} and {@code dropout_ration}.
   */
  public record Options(
      Activation activation,
      WeightInit weightInit,
      double weightDecay,
      boolean batchNorm,
      boolean dropout,
      double dropoutRatio) {

    /** The book's defaults: ReLU, He initialisation, no decay, no batch norm, no dropout. */
    public static Options defaults() {
      return new Options(Activation.RELU, WeightInit.he(), 0, false, false, 0.5);
    }

    public Options withActivation(Activation a) {
      return new Options(a, weightInit, weightDecay, batchNorm, dropout, dropoutRatio);
    }

    public Options withWeightInit(WeightInit w) {
      return new Options(activation, w, weightDecay, batchNorm, dropout, dropoutRatio);
    }

    public Options withWeightDecay(double lambda) {
      return new Options(activation, weightInit, lambda, batchNorm, dropout, dropoutRatio);
    }

    public Options withBatchNorm(boolean on) {
      return new Options(activation, weightInit, weightDecay, on, dropout, dropoutRatio);
    }

    public Options withDropout(double ratio) {
      return new Options(activation, weightInit, weightDecay, batchNorm, true, ratio);
    }
  }

  public MultiLayerNet(
      int inputSize,
      List<Integer> hiddenSizes,
      int outputSize,
      Options options,
      RandomGenerator rng) {
    super(options.batchNorm() || options.dropout() ? "MultiLayerNetExtend" : "MultiLayerNet");
    setWeightDecay(options.weightDecay());
    int in = inputSize;
    int k = 1;
    for (int hidden : hiddenSizes) {
      addChild(affine("Affine" + k, in, hidden, options.weightInit(), rng));
      if (options.batchNorm()) {
        addChild(new BatchNormalization("BatchNorm" + k, hidden));
      }
      addChild(options.activation().layer(k));
      if (options.dropout()) {
        addChild(new Dropout("Dropout" + k, options.dropoutRatio(), rng));
      }
      in = hidden;
      k++;
    }
    addChild(affine("Affine" + k, in, outputSize, options.weightInit(), rng));
  }

  /** With the book's defaults (ReLU, He). */
  public MultiLayerNet(
      int inputSize, List<Integer> hiddenSizes, int outputSize, RandomGenerator rng) {
    this(inputSize, hiddenSizes, outputSize, Options.defaults(), rng);
  }

  private static Affine affine(String name, int in, int out, WeightInit init, RandomGenerator rng) {
    return new Affine(name, init.create(rng, in, out), Tensor.zeros(out));
  }
}
