package dev.tapegrad.layers;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.CrossEntropy;
import dev.tapegrad.autograd.ops.SigmoidFunction;
import dev.tapegrad.autograd.ops.Softmax;
import dev.tapegrad.autograd.ops.SoftmaxWithLoss;
import dev.tapegrad.autograd.ops.SumSquares;

/**
 * The book's activation and loss functions as one-line calls (fused, numerically stable forms); the
 * composed primitive forms live in {@code dev.tapegrad.autograd.ops} ({@code
 * SigmoidFunction.composed}, ...).
 */
public final class F {
  private F() {}

  public static Tensor sigmoid(Tensor x) {
    return SigmoidFunction.fused(x);
  }

  public static Tensor relu(Tensor x) {
    return x.relu();
  }

  /** Softmax over the last axis. */
  public static Tensor softmax(Tensor x) {
    return Softmax.fused(x);
  }

  public static Tensor crossEntropy(Tensor probabilities, int[] labels) {
    return CrossEntropy.of(probabilities, labels);
  }

  public static Tensor crossEntropy(Tensor probabilities, Tensor oneHot) {
    return CrossEntropy.of(probabilities, oneHot);
  }

  public static Tensor softmaxWithLoss(Tensor scores, int[] labels) {
    return SoftmaxWithLoss.fused(scores, labels);
  }

  public static Tensor softmaxWithLoss(Tensor scores, Tensor oneHot) {
    return SoftmaxWithLoss.fused(scores, oneHot);
  }

  public static Tensor sumSquares(Tensor y, Tensor t) {
    return SumSquares.of(y, t);
  }
}
