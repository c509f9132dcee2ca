package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * Joins tensors along an existing axis, as NumPy's {@code concatenate}: every other dimension must
 * agree. Backward hands each input its own stretch of {@code g} ({@link Narrow#narrow}).
 */
public final class Concat {
  private Concat() {}

  /**
   * @throws IllegalArgumentException if there are no tensors, ranks differ, or a dimension other
   *     than {@code axis} differs (the message names the shapes)
   */
  public static Tensor concat(int axis, Tensor... xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one tensor");
    }
    int[] first = xs[0].shape();
    if (first.length == 0) {
      throw new IllegalArgumentException("concat: a scalar has no axis to join along");
    }
    int a = Shape.axis("concat", axis, first.length);
    int[] out = first.clone();
    out[a] = 0;
    for (Tensor x : xs) {
      int[] s = x.shape();
      if (!sameExceptAxis(first, s, a)) {
        throw new IllegalArgumentException(
            "concat: shapes "
                + Shape.format(first)
                + " and "
                + Shape.format(s)
                + " differ outside axis "
                + axis);
      }
      out[a] += s[a];
    }
    Tensor y = Tensor.wrap(join(xs, out, a), out);
    return Op.named("concat").attribute("axis", a).inputs(xs).record(y, gy -> stretches(gy, xs, a));
  }

  private static boolean sameExceptAxis(int[] a, int[] b, int axis) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (i != axis && a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  /** Each outer index's block of every input, one after another. */
  private static double[] join(Tensor[] xs, int[] out, int axis) {
    int outer = Shape.sizeBefore(out, axis);
    int inner = Shape.sizeAfter(out, axis);
    double[] y = new double[Shape.size(out)];
    int rowLength = out[axis] * inner;
    int start = 0;
    for (Tensor x : xs) {
      double[] data = Values.of(x);
      int block = x.dim(axis) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(data, o * block, y, o * rowLength + start, block);
      }
      start += block;
    }
    return y;
  }

  private static Tensor[] stretches(Tensor gy, Tensor[] xs, int axis) {
    Tensor[] grads = new Tensor[xs.length];
    int start = 0;
    for (int i = 0; i < xs.length; i++) {
      int length = xs[i].dim(axis);
      grads[i] = xs[i].needsGrad() ? Narrow.narrow(gy, axis, start, length) : null;
      start += length;
    }
    return grads;
  }
}
