package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Im2col;
import dev.tapegrad.autograd.kernels.MaxPool;

/**
 * Max pooling over (N,C,H,W). Fused: one {@code maxPool} node computed in one pass, whose backward
 * adds each gradient at its window's first maximum (a {@code scatterAdd} node, by the pooling
 * kernel's own trusted indices). Composed: the book's {@code im2col → reshape → max → reshape →
 * transpose}. Both pad with zeros, as the book does.
 */
public final class MaxPool2d {
  private MaxPool2d() {}

  public static Tensor fused(Tensor x, int ph, int pw, int stride, int pad) {
    int[] s = checked(x, ph, pw, stride, pad);
    int oh = Im2col.outSize(s[2], ph, stride, pad);
    int ow = Im2col.outSize(s[3], pw, stride, pad);
    int[] argmax = new int[s[0] * s[1] * oh * ow];
    double[] out =
        MaxPool.forward(Values.of(x), s[0], s[1], s[2], s[3], ph, pw, stride, pad, argmax);
    return Op.named("maxPool")
        .attribute("window", ph + "x" + pw)
        .attribute("stride", stride)
        .attribute("pad", pad)
        .inputs(x)
        .expansion(inputs -> composed(inputs.get(0), ph, pw, stride, pad))
        .record(Tensor.wrap(out, s[0], s[1], oh, ow), gy -> new Tensor[] {backward(gy, argmax, s)});
  }

  /**
   * The fused node's gradient: {@code gy.scatterAdd(argmax, inputShape)} without re-checking and
   * copying the indices the pooling kernel itself produced. Differentiable: its adjoint gathers the
   * upstream gradient at the same positions.
   */
  private static Tensor backward(Tensor gy, int[] argmax, int[] inputShape) {
    int[] gyShape = gy.shape();
    double[] gx =
        MaxPool.backward(
            Values.of(gy), argmax, inputShape[0] * inputShape[1], inputShape[2] * inputShape[3]);
    return Op.named("scatterAdd")
        .inputs(gy)
        .record(
            Tensor.wrap(gx, inputShape.clone()), gg -> new Tensor[] {gg.gather(argmax, gyShape)});
  }

  public static Tensor composed(Tensor x, int ph, int pw, int stride, int pad) {
    int[] s = checked(x, ph, pw, stride, pad);
    int oh = Im2col.outSize(s[2], ph, stride, pad);
    int ow = Im2col.outSize(s[3], pw, stride, pad);
    Tensor windows = x.im2col(ph, pw, stride, pad).reshape(-1, ph * pw);
    return windows.max(1).reshape(s[0], oh, ow, s[1]).transpose(0, 3, 1, 2);
  }

  private static int[] checked(Tensor x, int ph, int pw, int stride, int pad) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException(
          "maxPool: expected an (N,C,H,W) input, got " + Shape.format(x.shape()));
    }
    int[] s = x.shape();
    if (ph < 1
        || pw < 1
        || stride < 1
        || pad < 0
        || Im2col.outSize(s[2], ph, stride, pad) < 1
        || Im2col.outSize(s[3], pw, stride, pad) < 1) {
      throw new IllegalArgumentException(
          "maxPool: a "
              + ph
              + "x"
              + pw
              + " window with stride "
              + stride
              + " and pad "
              + pad
              + " does not fit an input of "
              + Shape.format(s));
    }
    return s;
  }
}
