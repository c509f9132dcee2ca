package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Expansion;
import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * Softmax followed by cross-entropy, as the book's Softmax-with-Loss layer. The fused node's
 * backward is the book's {@code (y − t)/N}, each row scaled by {@code y_t/(y_t + 1e-7)} so it is
 * the exact derivative of the loss with the book's 1e-7 inside the log (and so equals the composed
 * form to rounding). The composed form is softmax then {@link CrossEntropy}.
 */
public final class SoftmaxWithLoss {
  private SoftmaxWithLoss() {}

  public static Tensor fused(Tensor scores, int[] labels) {
    int[] nk = CrossEntropy.batchShape("softmaxWithLoss", scores);
    CrossEntropy.checkLabels(nk[0], labels);
    return fused(scores, oneHot(labels, nk[1]), inputs -> composed(inputs.get(0), labels));
  }

  public static Tensor fused(Tensor scores, Tensor targets) {
    int[] nk = CrossEntropy.batchShape("softmaxWithLoss", scores);
    if (targets.size() != nk[0] * nk[1] || targets.rank() != scores.rank()) {
      throw new IllegalArgumentException(
          "softmaxWithLoss: targets of shape "
              + Shape.format(targets.shape())
              + " do not match scores of shape "
              + Shape.format(scores.shape()));
    }
    Tensor t = Tensor.wrap(Values.of(targets), nk);
    return fused(scores, t, inputs -> composed(inputs.get(0), targets.detach()));
  }

  public static Tensor composed(Tensor scores, int[] labels) {
    return CrossEntropy.of(Softmax.composed(scores), labels);
  }

  public static Tensor composed(Tensor scores, Tensor targets) {
    return CrossEntropy.of(Softmax.composed(scores), targets);
  }

  /** The fused node for (n,k) constant targets {@code t}. */
  private static Tensor fused(Tensor scores, Tensor t, Expansion expansion) {
    int n = t.dim(0);
    int k = t.dim(1);
    double[] y = Softmax.rows(Values.of(scores), k);
    double[] td = Values.of(t);
    double loss = 0;
    for (int i = 0; i < y.length; i++) {
      if (td[i] != 0) {
        loss -= td[i] * Math.log(y[i] + CrossEntropy.DELTA);
      }
    }
    return Op.named("softmaxWithLoss")
        .inputs(scores)
        .expansion(expansion)
        .record(
            Tensor.scalar(loss / n),
            gy -> {
              // y as a softmax node of the scores (a node only when this pass is recorded)
              Tensor yy = Softmax.withValues(scores.reshape(n, k), y);
              Tensor w = t.mul(yy).div(yy.add(CrossEntropy.DELTA));
              Tensor gx = yy.mul(w.sum(-1, true)).sub(w).mul(gy.div(n));
              return new Tensor[] {gx.reshape(scores.shape())};
            });
  }

  /** Labels as a constant one-hot (N,k) matrix. */
  static Tensor oneHot(int[] labels, int k) {
    double[] d = new double[labels.length * k];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IndexOutOfBoundsException(
            "softmaxWithLoss: label " + labels[i] + " at row " + i + " is outside 0.." + (k - 1));
      }
      d[i * k + labels[i]] = 1;
    }
    return Tensor.wrap(d, labels.length, k);
  }
}
