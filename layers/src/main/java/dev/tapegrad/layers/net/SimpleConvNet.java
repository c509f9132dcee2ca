package dev.tapegrad.layers.net;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.ImageColumns;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.Convolution;
import dev.tapegrad.layers.nn.Pooling;
import dev.tapegrad.layers.nn.Relu;
import java.util.random.RandomGenerator;

/**
 * The book's chapter-7 CNN: {@code Conv1 → Relu1 → Pool1 (2×2, stride 2) → Affine1 → Relu2 →
 * Affine2 → SoftmaxWithLoss}. Book defaults: input (1,28,28), 30 filters 5×5, stride 1, pad 0,
 * hidden 100, output 10, weights {@code 0.01·randn}.
 */
public final class SimpleConvNet extends Network {
  /** Shape parameters of the network (the book's {@code conv_param} and sizes). */
  public record Config(
      int channels,
      int height,
      int width,
      int filterNum,
      int filterSize,
      int stride,
      int pad,
      int hiddenSize,
      int outputSize,
      WeightInit weightInit) {
    /** The book's defaults for MNIST (weights 0.01·randn). */
    public static Config book() {
      return new Config(1, 28, 28, 30, 5, 1, 0, 100, 10, WeightInit.normal(0.01));
    }

    /** The same shapes with weights drawn by {@code init}. */
    public Config withWeightInit(WeightInit init) {
      return new Config(
          channels,
          height,
          width,
          filterNum,
          filterSize,
          stride,
          pad,
          hiddenSize,
          outputSize,
          init);
    }
  }

  public SimpleConvNet(Config c, RandomGenerator rng) {
    super("SimpleConvNet");
    int convOut = ImageColumns.outputSize(c.height(), c.filterSize(), c.stride(), c.pad());
    int convOutW = ImageColumns.outputSize(c.width(), c.filterSize(), c.stride(), c.pad());
    int poolFeatures = c.filterNum() * (convOut / 2) * (convOutW / 2);
    addChild(
        new Convolution(
            "Conv1",
            c.weightInit().create(rng, c.filterNum(), c.channels(), c.filterSize(), c.filterSize()),
            Tensor.zeros(c.filterNum()),
            c.stride(),
            c.pad()));
    addChild(new Relu("Relu1"));
    addChild(new Pooling("Pool1"));
    addChild(
        new Affine(
            "Affine1",
            c.weightInit().create(rng, poolFeatures, c.hiddenSize()),
            Tensor.zeros(c.hiddenSize())));
    addChild(new Relu("Relu2"));
    addChild(
        new Affine(
            "Affine2",
            c.weightInit().create(rng, c.hiddenSize(), c.outputSize()),
            Tensor.zeros(c.outputSize())));
  }

  public SimpleConvNet(RandomGenerator rng) {
    this(Config.book(), rng);
  }
}
