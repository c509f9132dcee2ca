package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/** The book's sum-of-squares error {@code ½ Σ (y − t)²} (chapter 4), composed of primitives. */
public final class SumSquares {
  private SumSquares() {}

  public static Tensor of(Tensor y, Tensor t) {
    if (!java.util.Arrays.equals(y.shape(), t.shape())) {
      throw new IllegalArgumentException(
          "sumSquares: shapes "
              + Shape.format(y.shape())
              + " and "
              + Shape.format(t.shape())
              + " differ");
    }
    return y.sub(t).pow(2).sum().mul(0.5);
  }
}
