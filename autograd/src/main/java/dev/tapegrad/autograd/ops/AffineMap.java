package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Gemm;
import dev.tapegrad.autograd.kernels.Workspace;

/**
 * The affine map {@code Y = X·W + b} of the book's Affine layer, for X (N,in) or (in,), W (in,out)
 * and b (out,).
 *
 * <p>Fused: one {@code affine} node. The output array is filled with the bias rows and the product
 * is accumulated into it by one GEMM, so there is no second output array and no separate pass
 * adding the bias. X is read in place, so a {@link Tensor#slice} of a data set is never copied. Its
 * backward is {@code dX = gY·Wᵀ}, {@code dW = Xᵀ·gY} (transposes as GEMM flags) and {@code db} =
 * the column sums of {@code gY}, written with the public ops, so it is recorded like any other op
 * when the backward pass is. Composed: {@code dot → add}, the fused node's expansion.
 */
public final class AffineMap {
  private AffineMap() {}

  /** The fused {@code affine} node. */
  public static Tensor affine(Tensor x, Tensor weight, Tensor bias) {
    checkShapes(x, weight, bias);
    int rows = x.rank() == 1 ? 1 : x.dim(0);
    int in = weight.dim(0);
    int out = weight.dim(1);
    double[] y = Workspace.take(rows * out);
    double[] b = Values.of(bias);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(b, 0, y, r * out, out);
    }
    Tensor.InPlace xs = x.readInPlace();
    Gemm.multiplyInto(
        xs.array(), xs.offset(), false, Values.of(weight), false, rows, out, in, y, true);
    int[] shape = x.rank() == 1 ? new int[] {out} : new int[] {rows, out};
    return Op.named("affine")
        .inputs(x, weight, bias)
        .expansion(inputs -> composed(inputs.get(0), inputs.get(1), inputs.get(2)))
        .record(Tensor.wrap(y, shape), gy -> gradients(x, weight, bias, gy));
  }

  /** The same map as the book composes it: {@code x.dot(W).add(b)}. */
  public static Tensor composed(Tensor x, Tensor weight, Tensor bias) {
    checkShapes(x, weight, bias);
    return x.dot(weight).add(bias);
  }

  /**
   * The gradients of x, W and b ({@code null} for an input that needs none): {@code gY·Wᵀ} and
   * {@code Xᵀ·gY} as products with GEMM flags, and the column sums of {@code gY}.
   */
  private static Tensor[] gradients(Tensor x, Tensor weight, Tensor bias, Tensor gy) {
    int rows = x.rank() == 1 ? 1 : x.dim(0);
    Tensor g = gy.reshape(rows, weight.dim(1));
    return new Tensor[] {
      x.needsGrad() ? g.matmul(weight, false, true).reshape(x.shape()) : null,
      weight.needsGrad() ? x.reshape(rows, weight.dim(0)).matmul(g, true, false) : null,
      bias.needsGrad() ? gy.sumTo(bias.shape()) : null
    };
  }

  private static void checkShapes(Tensor x, Tensor weight, Tensor bias) {
    if (x.rank() < 1
        || x.rank() > 2
        || weight.rank() != 2
        || bias.rank() != 1
        || x.dim(-1) != weight.dim(0)
        || bias.dim(0) != weight.dim(1)) {
      throw new IllegalArgumentException(
          "affine: input "
              + Shape.format(x.shape())
              + ", weight "
              + Shape.format(weight.shape())
              + " and bias "
              + Shape.format(bias.shape())
              + " do not match (expected (N,in) or (in,), (in,out) and (out,))");
    }
  }
}
