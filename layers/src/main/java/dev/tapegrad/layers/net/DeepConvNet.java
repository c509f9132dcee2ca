package dev.tapegrad.layers.net;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.Convolution;
import dev.tapegrad.layers.nn.Dropout;
import dev.tapegrad.layers.nn.Pooling;
import dev.tapegrad.layers.nn.Relu;
import java.util.random.RandomGenerator;

/**
 * The book's chapter-8 VGG-like network for (1,28,28) input: 3×3 convolutions with 16, 16, 32, 32
 * (pad 2), 64, 64 filters, max pooling after each pair, {@code Affine(1024→50) → ReLU → Dropout 0.5
 * → Affine(50→10) → Dropout 0.5}, He initialisation ({@code √(2/fan_in)}).
 */
public final class DeepConvNet extends Network {
  private static final int[][] CONVS = { // filters, pad
    {16, 1}, {16, 1}, {32, 1}, {32, 2}, {64, 1}, {64, 1}
  };

  public DeepConvNet(RandomGenerator rng) {
    super("DeepConvNet");
    int channels = 1;
    int size = 28;
    for (int i = 0; i < CONVS.length; i++) {
      int filters = CONVS[i][0];
      int pad = CONVS[i][1];
      addChild(
          new Convolution(
              "Conv" + (i + 1),
              WeightInit.he().create(rng, filters, channels, 3, 3),
              Tensor.zeros(filters),
              1,
              pad));
      addChild(new Relu("Relu" + (i + 1)));
      size = size + 2 * pad - 2;
      channels = filters;
      if (i % 2 == 1) {
        addChild(new Pooling("Pool" + (i / 2 + 1)));
        size /= 2;
      }
    }
    int features = channels * size * size; // 64·4·4 = 1024
    addChild(new Affine("Affine1", WeightInit.he().create(rng, features, 50), Tensor.zeros(50)));
    addChild(new Relu("Relu7"));
    addChild(new Dropout("Dropout1", 0.5, rng));
    addChild(new Affine("Affine2", WeightInit.he().create(rng, 50, 10), Tensor.zeros(10)));
    addChild(new Dropout("Dropout2", 0.5, rng));
  }
}
