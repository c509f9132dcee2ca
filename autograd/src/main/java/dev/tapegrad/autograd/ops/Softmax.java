package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;

/**
 * Softmax over the last axis, with the row maximum subtracted first so it never overflows. Fused:
 * one node with backward {@code y·(gy − Σ gy·y)}; composed: {@code exp → sum → /} of the shifted
 * input.
 */
public final class Softmax {
  private Softmax() {}

  public static Tensor fused(Tensor x) {
    return withValues(x, rows(Values.of(x), lastDim(x)));
  }

  /**
   * The {@code softmax} node of {@code x} whose values {@code y} (same shape) were computed
   * already, by a caller that needed them first (softmax-with-loss); {@code y} is not copied.
   */
  static Tensor withValues(Tensor x, double[] values) {
    Tensor y = Tensor.wrap(values, x.shape());
    return Op.named("softmax")
        .inputs(x)
        .expansion(inputs -> composed(inputs.get(0)))
        .record(y, gy -> new Tensor[] {y.mul(gy.sub(gy.mul(y).sum(-1, true)))});
  }

  public static Tensor composed(Tensor x) {
    Tensor e = x.sub(x.max(-1, true).detach()).exp();
    return e.div(e.sum(-1, true));
  }

  /** Row-wise softmax of a row-major array with rows of length {@code k}. */
  static double[] rows(double[] x, int k) {
    double[] y = new double[x.length];
    for (int start = 0; start < x.length; start += k) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, x[start + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double e = Math.exp(x[start + j] - max);
        y[start + j] = e;
        sum += e;
      }
      for (int j = 0; j < k; j++) {
        y[start + j] /= sum;
      }
    }
    return y;
  }

  static int lastDim(Tensor x) {
    if (x.rank() < 1) {
      throw new IllegalArgumentException("softmax: needs at least one axis, got a 0-d tensor");
    }
    return x.dim(-1);
  }
}
