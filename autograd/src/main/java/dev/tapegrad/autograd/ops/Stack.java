package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;

/**
 * Joins tensors of one shape along a new axis, as NumPy's {@code stack}: each gets a dimension of
 * size 1 at {@code axis} ({@code reshape}) and they are {@link Concat#concat concatenated} there,
 * so the graph shows those two primitives and the gradients come from their rules.
 */
public final class Stack {
  private Stack() {}

  /**
   * @param axis where the new axis goes, in {@code [-(rank + 1), rank]}
   * @throws IllegalArgumentException if there are no tensors or their shapes differ
   */
  public static Tensor stack(int axis, Tensor... xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("stack: needs at least one tensor");
    }
    int[] shape = xs[0].shape();
    int a = Shape.axis("stack", axis, shape.length + 1);
    int[] withAxis = new int[shape.length + 1];
    System.arraycopy(shape, 0, withAxis, 0, a);
    withAxis[a] = 1;
    System.arraycopy(shape, a, withAxis, a + 1, shape.length - a);
    Tensor[] parts = new Tensor[xs.length];
    for (int i = 0; i < xs.length; i++) {
      if (!Arrays.equals(shape, xs[i].shape())) {
        throw new IllegalArgumentException(
            "stack: shapes "
                + Shape.format(shape)
                + " and "
                + Shape.format(xs[i].shape())
                + " differ");
      }
      parts[i] = xs[i].reshape(withAxis);
    }
    return Concat.concat(a, parts);
  }
}
