package dev.tapegrad.viz.diagram;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.TensorFunction;
import dev.tapegrad.autograd.ops.AffineMap;
import java.util.SplittableRandom;

/**
 * The book's computational graphs built from raw engine ops on an open tape, with the backward pass
 * already run. Each method records onto {@code tape} and returns the output.
 */
public final class BookGraphs {
  private BookGraphs() {}

  /** Fig 5-16: two apples at 100 with 10% tax. */
  public static Tensor apple(Tape tape) {
    Tensor apple = Tensor.scalar(100).named("apple").requiresGrad();
    Tensor count = Tensor.scalar(2).named("apple count").requiresGrad();
    Tensor tax = Tensor.scalar(1.1).named("tax").requiresGrad();
    Tensor price = apple.mul(count).mul(tax).named("price");
    tape.backward(price);
    return price;
  }

  /** Fig 5-17: two apples at 100 and three oranges at 150, with 10% tax. */
  public static Tensor appleOrange(Tape tape) {
    Tensor apple = Tensor.scalar(100).named("apple").requiresGrad();
    Tensor appleCount = Tensor.scalar(2).named("apple count").requiresGrad();
    Tensor orange = Tensor.scalar(150).named("orange").requiresGrad();
    Tensor orangeCount = Tensor.scalar(3).named("orange count").requiresGrad();
    Tensor tax = Tensor.scalar(1.1).named("tax").requiresGrad();
    Tensor price = apple.mul(appleCount).add(orange.mul(orangeCount)).mul(tax).named("price");
    tape.backward(price);
    return price;
  }

  /** Fig 5-19/5-20: sigmoid of x from ×−1, exp, +1 and the reciprocal, in scope Sigmoid. */
  public static Tensor sigmoid(Tape tape, double x) {
    Tensor in = Tensor.scalar(x).named("x").requiresGrad();
    Tensor y;
    try (Tape.Scope s = Tape.scope("Sigmoid")) {
      y = sigmoidOf(in);
    }
    y.named("y");
    tape.backward(y);
    return y;
  }

  public static Tensor sigmoidOf(Tensor x) {
    return x.mul(-1).exp().add(1).pow(-1);
  }

  /** Fig 5-27: Y = X·W + B with X (2,2), W (2,3), B (3,), seeded with ones; dot then +. */
  public static Tensor affine(Tape tape) {
    return affine(tape, xwb -> xwb[0].dot(xwb[1]).add(xwb[2]));
  }

  /** Fig 5-27 as the Affine layer records it: one fused {@code affine} node. */
  public static Tensor fusedAffine(Tape tape) {
    return affine(tape, xwb -> AffineMap.affine(xwb[0], xwb[1], xwb[2]));
  }

  private static Tensor affine(Tape tape, TensorFunction xwPlusB) {
    SplittableRandom rng = new SplittableRandom(7);
    Tensor x = Tensor.rand(rng, 2, 2).named("X").requiresGrad();
    Tensor w = Tensor.rand(rng, 2, 3).named("W").requiresGrad();
    Tensor b = Tensor.rand(rng, 3).named("B").requiresGrad();
    Tensor y;
    try (Tape.Scope s = Tape.scope("Affine")) {
      y = xwPlusB.apply(x, w, b);
    }
    y.named("Y");
    tape.backward(y, Tensor.ones(2, 3));
    return y;
  }

  /** Appendix A (Fig A-5): softmax then cross-entropy of scores a (1,3) and one-hot t. */
  public static Tensor softmaxWithLoss(Tape tape, double[] scores, double[] oneHot) {
    Tensor a = Tensor.of(scores, 1, scores.length).named("a").requiresGrad();
    Tensor t = Tensor.of(oneHot, 1, oneHot.length).named("t");
    Tensor loss = softmaxWithLossOf(a, t).named("L");
    tape.backward(loss);
    return loss;
  }

  /**
   * Softmax over axis 1 and mean cross-entropy, composed of primitives in scope SoftmaxWithLoss.
   */
  public static Tensor softmaxWithLossOf(Tensor a, Tensor t) {
    try (Tape.Scope s = Tape.scope("SoftmaxWithLoss")) {
      Tensor e = a.exp();
      Tensor y = e.mul(e.sum(1, true).pow(-1));
      return y.log().mul(t).sum().mul(-1.0 / a.dim(0));
    }
  }

  /** Book ch.5 TwoLayerNet on a batch of 2: Affine1, Relu1, Affine2, SoftmaxWithLoss. */
  public static Tensor twoLayerNet(Tape tape) {
    SplittableRandom rng = new SplittableRandom(11);
    Tensor x = Tensor.rand(rng, 2, 4).named("x");
    Tensor t = Tensor.of(new double[] {0, 1, 1, 0}, 2, 2).named("t");
    Tensor w1 = Tensor.randn(rng, 4, 3).named("W1").requiresGrad();
    Tensor b1 = Tensor.zeros(3).named("b1").requiresGrad();
    Tensor w2 = Tensor.randn(rng, 3, 2).named("W2").requiresGrad();
    Tensor b2 = Tensor.zeros(2).named("b2").requiresGrad();
    Tensor loss;
    try (Tape.Scope net = Tape.scope("TwoLayerNet")) {
      Tensor h = affine("Affine1", x, w1, b1);
      h = relu("Relu1", h);
      Tensor scores = affine("Affine2", h, w2, b2);
      loss = softmaxWithLossOf(scores, t);
    }
    loss.named("loss");
    tape.backward(loss);
    return loss;
  }

  /**
   * Book ch.7 SimpleConvNet on a batch of 2 images 1×6×6: Conv1 (3 filters 3×3), Relu1, Pool1 (2×2,
   * stride 2), Affine1, Relu2, Affine2, SoftmaxWithLoss.
   */
  public static Tensor simpleConvNet(Tape tape) {
    SplittableRandom rng = new SplittableRandom(13);
    // x requires a gradient so that im2col of it is recorded and Conv1 shows x as its input.
    Tensor x = Tensor.rand(rng, 2, 1, 6, 6).named("x").requiresGrad();
    Tensor t = Tensor.of(new double[] {1, 0, 0, 1}, 2, 2).named("t");
    Tensor w1 = Tensor.randn(rng, 3, 1, 3, 3).named("W1").requiresGrad();
    Tensor b1 = Tensor.zeros(3).named("b1").requiresGrad();
    Tensor w2 = Tensor.randn(rng, 12, 5).named("W2").requiresGrad();
    Tensor b2 = Tensor.zeros(5).named("b2").requiresGrad();
    Tensor w3 = Tensor.randn(rng, 5, 2).named("W3").requiresGrad();
    Tensor b3 = Tensor.zeros(2).named("b3").requiresGrad();
    Tensor loss;
    try (Tape.Scope net = Tape.scope("SimpleConvNet")) {
      Tensor h = convolution("Conv1", x, w1, b1);
      h = relu("Relu1", h);
      h = maxPool("Pool1", h);
      try (Tape.Scope s = Tape.scope("Affine1")) {
        h = h.reshape(2, -1).dot(w2).add(b2);
      }
      h = relu("Relu2", h);
      Tensor scores = affine("Affine2", h, w3, b3);
      loss = softmaxWithLossOf(scores, t);
    }
    loss.named("loss");
    tape.backward(loss);
    return loss;
  }

  public static Tensor affine(String name, Tensor x, Tensor w, Tensor b) {
    try (Tape.Scope s = Tape.scope(name)) {
      return x.dot(w).add(b);
    }
  }

  public static Tensor relu(String name, Tensor x) {
    try (Tape.Scope s = Tape.scope(name)) {
      return x.relu();
    }
  }

  /** The book's convolution: im2col, the filters as columns, one product, bias, back to NCHW. */
  public static Tensor convolution(String name, Tensor x, Tensor w, Tensor b) {
    try (Tape.Scope s = Tape.scope(name)) {
      return convolutionOf(x, w, b);
    }
  }

  public static Tensor convolutionOf(Tensor x, Tensor w, Tensor b) {
    int n = x.dim(0);
    int filters = w.dim(0);
    int outH = x.dim(2) - w.dim(2) + 1;
    int outW = x.dim(3) - w.dim(3) + 1;
    Tensor col = x.im2col(w.dim(2), w.dim(3), 1, 0);
    Tensor colW = w.reshape(filters, -1).transpose();
    return col.dot(colW).add(b).reshape(n, outH, outW, filters).transpose(0, 3, 1, 2);
  }

  /** The book's 2×2 max pooling with stride 2: im2col, rows of 4, max, back to NCHW. */
  public static Tensor maxPool(String name, Tensor x) {
    try (Tape.Scope s = Tape.scope(name)) {
      int n = x.dim(0);
      int c = x.dim(1);
      int outH = x.dim(2) / 2;
      int outW = x.dim(3) / 2;
      Tensor col = x.im2col(2, 2, 2, 0).reshape(-1, 4);
      return col.max(1).reshape(n, outH, outW, c).transpose(0, 3, 1, 2);
    }
  }
}
