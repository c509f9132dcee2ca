package dev.tapegrad.bench.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark networks in DJL, float64, with the same shapes and initialisation as the book's:
 * {@code Linear.linear} (PyTorch's fused addmm; weights stored (out, in) as DJL's Linear block
 * keeps them), {@code Conv2d.conv2d}, {@code Pool.maxPool2d}, ReLU, sigmoid and dropout.
 */
final class DjlModels {
  private static final Shape UNIT = new Shape(1, 1);
  private static final Shape POOL = new Shape(2, 2);

  private DjlModels() {}

  static DjlModel twoLayerNet(NDManager m) {
    List<NDArray> p = new ArrayList<>();
    NDArray w1 = weight(m, p, 0.01, 50, 784);
    NDArray b1 = bias(m, p, 50);
    NDArray w2 = weight(m, p, 0.01, 10, 50);
    NDArray b2 = bias(m, p, 10);
    return new DjlModel(p, x -> linear(Activation.relu(linear(x, w1, b1)), w2, b2));
  }

  /** MultiLayerNet 784-100×4-10 with ReLU and He initialisation. */
  static DjlModel multiLayerNet(NDManager m) {
    List<NDArray> p = new ArrayList<>();
    int[] sizes = {784, 100, 100, 100, 100, 10};
    List<NDArray[]> layers = new ArrayList<>();
    for (int i = 1; i < sizes.length; i++) {
      layers.add(
          new NDArray[] {
            weight(m, p, Math.sqrt(2.0 / sizes[i - 1]), sizes[i], sizes[i - 1]),
            bias(m, p, sizes[i])
          });
    }
    return new DjlModel(
        p,
        x -> {
          NDArray y = x;
          for (int i = 0; i < layers.size(); i++) {
            y = linear(y, layers.get(i)[0], layers.get(i)[1]);
            if (i < layers.size() - 1) {
              y = Activation.relu(y);
            }
          }
          return y;
        });
  }

  static DjlModel simpleConvNet(NDManager m) {
    List<NDArray> p = new ArrayList<>();
    NDArray w1 = weight(m, p, 0.01, 30, 1, 5, 5);
    NDArray b1 = bias(m, p, 30);
    NDArray w2 = weight(m, p, 0.01, 100, 30 * 12 * 12);
    NDArray b2 = bias(m, p, 100);
    NDArray w3 = weight(m, p, 0.01, 10, 100);
    NDArray b3 = bias(m, p, 10);
    return new DjlModel(
        p,
        x -> {
          NDArray y = Activation.relu(conv(x, w1, b1, 0));
          y = Pool.maxPool2d(y, POOL, POOL, new Shape(0, 0), false);
          y = Activation.relu(linear(y.reshape(y.getShape().get(0), -1), w2, b2));
          return linear(y, w3, b3);
        });
  }

  /** The chapter-8 network: six 3×3 convolutions, three pools, 1024-50-10 with dropout 0.5. */
  static DjlModel deepConvNet(NDManager m) {
    List<NDArray> p = new ArrayList<>();
    int[][] convs = {{16, 1}, {16, 1}, {32, 1}, {32, 2}, {64, 1}, {64, 1}};
    List<NDArray[]> filters = new ArrayList<>();
    int channels = 1;
    for (int[] conv : convs) {
      filters.add(
          new NDArray[] {
            weight(m, p, Math.sqrt(2.0 / (channels * 9)), conv[0], channels, 3, 3),
            bias(m, p, conv[0])
          });
      channels = conv[0];
    }
    NDArray w7 = weight(m, p, Math.sqrt(2.0 / 1024), 50, 1024);
    NDArray b7 = bias(m, p, 50);
    NDArray w8 = weight(m, p, Math.sqrt(2.0 / 50), 10, 50);
    NDArray b8 = bias(m, p, 10);
    return new DjlModel(
        p,
        x -> {
          NDArray y = x;
          for (int i = 0; i < convs.length; i++) {
            y = Activation.relu(conv(y, filters.get(i)[0], filters.get(i)[1], convs[i][1]));
            if (i % 2 == 1) {
              y = Pool.maxPool2d(y, POOL, POOL, new Shape(0, 0), false);
            }
          }
          y = Activation.relu(linear(y.reshape(y.getShape().get(0), -1), w7, b7));
          y = dropout(linear(dropout(y), w8, b8));
          return y;
        });
  }

  /** The chapter-3 network 784-50-100-10 with sigmoid hidden layers (scores before softmax). */
  static DjlModel sigmoidInferenceNet(NDManager m) {
    List<NDArray> p = new ArrayList<>();
    NDArray w1 = weight(m, p, 0.01, 50, 784);
    NDArray b1 = bias(m, p, 50);
    NDArray w2 = weight(m, p, 0.01, 100, 50);
    NDArray b2 = bias(m, p, 100);
    NDArray w3 = weight(m, p, 0.01, 10, 100);
    NDArray b3 = bias(m, p, 10);
    return new DjlModel(
        p,
        x ->
            linear(
                Activation.sigmoid(linear(Activation.sigmoid(linear(x, w1, b1)), w2, b2)), w3, b3));
  }

  private static NDArray linear(NDArray x, NDArray w, NDArray b) {
    return Linear.linear(x, w, b).singletonOrThrow();
  }

  private static NDArray conv(NDArray x, NDArray w, NDArray b, int pad) {
    return Conv2d.conv2d(x, w, b, UNIT, new Shape(pad, pad)).singletonOrThrow();
  }

  private static NDArray dropout(NDArray x) {
    NDList out = Dropout.dropout(x, 0.5f, true);
    return out.singletonOrThrow();
  }

  private static NDArray weight(NDManager m, List<NDArray> params, double std, long... shape) {
    NDArray w = m.randomNormal(0, (float) std, new Shape(shape), DataType.FLOAT64);
    w.setRequiresGradient(true);
    params.add(w);
    return w;
  }

  private static NDArray bias(NDManager m, List<NDArray> params, long size) {
    NDArray b = m.zeros(new Shape(size), DataType.FLOAT64);
    b.setRequiresGradient(true);
    params.add(b);
    return b;
  }
}
