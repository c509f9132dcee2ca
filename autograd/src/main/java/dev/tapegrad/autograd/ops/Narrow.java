package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * The stretch {@code [start, start + length)} of one axis, copied (PyTorch's {@code narrow},
 * NumPy's {@code x[..., start:start+length, ...]}). Backward puts {@code g} back in place between
 * zeros ({@link Concat#concat}), so the pair stays differentiable to any order.
 */
public final class Narrow {
  private Narrow() {}

  /**
   * @throws IllegalArgumentException if the stretch does not lie inside the axis
   */
  public static Tensor narrow(Tensor x, int axis, int start, int length) {
    int[] shape = x.shape();
    if (shape.length == 0) {
      throw new IllegalArgumentException("narrow: a scalar has no axis");
    }
    int a = Shape.axis("narrow", axis, shape.length);
    if (start < 0 || length < 0 || start > shape[a] - length) {
      throw new IllegalArgumentException(
          "narrow: ["
              + start
              + ", "
              + ((long) start + length)
              + ") is outside axis "
              + axis
              + " of shape "
              + Shape.format(shape));
    }
    int[] out = shape.clone();
    out[a] = length;
    int outer = Shape.sizeBefore(shape, a);
    int inner = Shape.sizeAfter(shape, a);
    double[] data = Values.of(x);
    double[] y = new double[Shape.size(out)];
    int block = length * inner;
    for (int o = 0; o < outer; o++) {
      System.arraycopy(data, (o * shape[a] + start) * inner, y, o * block, block);
    }
    return Op.named("narrow")
        .attribute("axis", a)
        .attribute("start", start)
        .attribute("length", length)
        .inputs(x)
        .record(Tensor.wrap(y, out), gy -> new Tensor[] {padBack(gy, shape, a, start, length)});
  }

  /** {@code g} in its place along {@code axis} of {@code shape}, zeros before and after. */
  private static Tensor padBack(Tensor g, int[] shape, int axis, int start, int length) {
    int[] before = shape.clone();
    before[axis] = start;
    int[] after = shape.clone();
    after[axis] = shape[axis] - start - length;
    return Concat.concat(axis, Tensor.zeros(before), g, Tensor.zeros(after));
  }
}
