package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * The book's cross-entropy error {@code −Σ t·log(y + 1e-7) / N} of probabilities {@code y} (N,K) or
 * (K,), against class labels or one-hot (or soft) targets, composed of primitive ops.
 */
public final class CrossEntropy {
  /** The book's guard against {@code log(0)}. */
  public static final double DELTA = 1e-7;

  private CrossEntropy() {}

  /** Against class labels: picks {@code y[i, labels[i]]} with a select node. */
  public static Tensor of(Tensor y, int[] labels) {
    Tensor y2 = asBatch(y);
    checkLabels(y2.dim(0), labels);
    return y2.select(labels).add(DELTA).log().sum().div(-y2.dim(0));
  }

  /** Against one-hot or soft targets of the same shape as {@code y}. */
  public static Tensor of(Tensor y, Tensor targets) {
    Tensor y2 = asBatch(y);
    Tensor t2 = asBatch(targets);
    if (!java.util.Arrays.equals(y2.shape(), t2.shape())) {
      throw new IllegalArgumentException(
          "crossEntropy: targets of shape "
              + Shape.format(targets.shape())
              + " do not match predictions of shape "
              + Shape.format(y.shape()));
    }
    return t2.mul(y2.add(DELTA).log()).sum().div(-y2.dim(0));
  }

  /** A 1-D input is one sample: (K,) becomes (1,K). */
  static Tensor asBatch(Tensor y) {
    return y.reshape(batchShape("crossEntropy", y));
  }

  static void checkLabels(int batch, int[] labels) {
    if (labels.length != batch) {
      throw new IllegalArgumentException(
          "crossEntropy: " + labels.length + " labels for a batch of " + batch);
    }
  }

  /** (N,K) of an (N,K) or (K,) input, without recording anything. */
  static int[] batchShape(String op, Tensor y) {
    if (y.rank() == 1) {
      return new int[] {1, y.dim(0)};
    }
    if (y.rank() != 2) {
      throw new IllegalArgumentException(
          op + ": expected (N,K) or (K,) scores, got shape " + Shape.format(y.shape()));
    }
    return y.shape();
  }
}
