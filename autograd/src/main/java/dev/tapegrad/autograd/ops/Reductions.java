package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Reduce;

/** Sum and mean over axes, max over one axis (gradient routed to the argmax), and argmax. */
public final class Reductions {
  private Reductions() {}

  public static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
    return sumOrMean("sum", x, axes, keepDims, false);
  }

  public static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
    return sumOrMean("mean", x, axes, keepDims, true);
  }

  /** Sum over axes, divided by the number of summed elements when {@code average}. */
  private static Tensor sumOrMean(
      String name, Tensor x, int[] axes, boolean keepDims, boolean average) {
    int[] shape = x.shape();
    boolean[] mask = Shape.axesMask(name, axes, shape.length);
    int[] kept = Shape.reduced(shape, mask, true);
    double count = average ? (double) x.size() / Shape.size(kept) : 1;
    double[] sums = Reduce.sum(Values.of(x), shape, mask);
    if (average) {
      for (int i = 0; i < sums.length; i++) {
        sums[i] /= count;
      }
    }
    Tensor out = Tensor.wrap(sums, Shape.reduced(shape, mask, keepDims));
    return reduction(name, x, axes, keepDims)
        .record(
            out,
            gy -> {
              Tensor g = gy.reshape(kept).broadcastTo(shape);
              return new Tensor[] {average ? g.div(count) : g};
            });
  }

  /** Max along {@code axis}; backward sends each gradient to the first maximum of its slice. */
  public static Tensor max(Tensor x, int axis, boolean keepDims) {
    int[] shape = x.shape();
    int a = nonEmptyAxis("max", shape, axis);
    boolean[] mask = new boolean[shape.length];
    mask[a] = true;
    int[] kept = Shape.reduced(shape, mask, true);
    int[] argmax = new int[Shape.size(kept)];
    Tensor out =
        Tensor.wrap(
            Reduce.max(Values.of(x), shape, a, argmax), Shape.reduced(shape, mask, keepDims));
    return reduction("max", x, new int[] {a}, keepDims)
        .record(
            out,
            gy ->
                new Tensor[] {
                  gy.reshape(kept).broadcastTo(shape).mul(argmaxMask(shape, a, argmax))
                });
  }

  /** Index of the first maximum along {@code axis}, as a tensor of doubles. */
  public static Tensor argmax(Tensor x, int axis) {
    int[] shape = x.shape();
    int a = nonEmptyAxis("argmax", shape, axis);
    boolean[] mask = new boolean[shape.length];
    mask[a] = true;
    int[] argmax = new int[Shape.size(Shape.reduced(shape, mask, true))];
    Reduce.max(Values.of(x), shape, a, argmax);
    double[] out = new double[argmax.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = argmax[i];
    }
    return Tensor.wrap(out, Shape.reduced(shape, mask, false));
  }

  /** The axis index, checked: a maximum over no values has no answer (NumPy raises too). */
  private static int nonEmptyAxis(String op, int[] shape, int axis) {
    int a = Shape.axis(op, axis, shape.length);
    if (shape[a] == 0) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " of shape " + Shape.format(shape) + " is empty");
    }
    return a;
  }

  /** A constant 0/1 tensor of {@code shape} with a 1 at each slice's argmax. */
  private static Tensor argmaxMask(int[] shape, int axis, int[] argmax) {
    int n = shape[axis];
    int inner = Shape.sizeAfter(shape, axis);
    double[] mask = new double[Shape.size(shape)];
    for (int j = 0; j < argmax.length; j++) {
      int outer = j / inner;
      int in = j % inner;
      mask[(outer * n + argmax[j]) * inner + in] = 1;
    }
    return Tensor.wrap(mask, shape);
  }

  private static Op reduction(String name, Tensor x, int[] axes, boolean keepDims) {
    Op op = Op.named(name).inputs(x);
    if (axes.length > 0) {
      op.attribute("axes", java.util.Arrays.toString(axes));
    }
    if (keepDims) {
      op.attribute("keepDims", true);
    }
    return op;
  }
}
