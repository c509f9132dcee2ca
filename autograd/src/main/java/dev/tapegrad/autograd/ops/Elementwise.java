package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.BinaryOp;
import dev.tapegrad.autograd.kernels.UnaryOp;
import java.util.Arrays;

/** One-input elementwise ops: neg, pow (constant exponent), exp, log, sqrt, relu, reluBackward. */
public final class Elementwise {
  private Elementwise() {}

  public static Tensor neg(Tensor x) {
    return Op.named("neg")
        .inputs(x)
        .record(like(x, UnaryOp.NEG.apply(Values.of(x))), gy -> new Tensor[] {gy.neg()});
  }

  /**
   * {@code x^p}; backward {@code p·x^(p-1)}, and exactly zero for {@code p = 0} (as in PyTorch),
   * where the formula would give {@code 0·∞ = NaN} at {@code x = 0}.
   */
  public static Tensor pow(Tensor x, double p) {
    return Op.named("pow")
        .attribute("exponent", p)
        .inputs(x)
        .record(
            like(x, UnaryOp.pow(Values.of(x), p)),
            gy -> new Tensor[] {p == 0 ? gy.mul(0) : gy.mul(x.pow(p - 1).mul(p))});
  }

  /** Backward {@code gy·exp(x)}, reusing the output. */
  public static Tensor exp(Tensor x) {
    Tensor y = like(x, UnaryOp.EXP.apply(Values.of(x)));
    return Op.named("exp").inputs(x).record(y, gy -> new Tensor[] {gy.mul(y)});
  }

  /** Backward {@code gy / x}. */
  public static Tensor log(Tensor x) {
    return Op.named("log")
        .inputs(x)
        .record(like(x, UnaryOp.LOG.apply(Values.of(x))), gy -> new Tensor[] {gy.div(x)});
  }

  /** Backward {@code gy / (2·sqrt(x))}, reusing the output. */
  public static Tensor sqrt(Tensor x) {
    Tensor y = like(x, UnaryOp.SQRT.apply(Values.of(x)));
    return Op.named("sqrt").inputs(x).record(y, gy -> new Tensor[] {gy.div(y.mul(2))});
  }

  /** {@code max(x, 0)}; backward {@link #reluBackward}, gy where x > 0. */
  public static Tensor relu(Tensor x) {
    return Op.named("relu")
        .inputs(x)
        .record(
            like(x, UnaryOp.RELU.apply(Values.of(x))), gy -> new Tensor[] {reluBackward(gy, x)});
  }

  /**
   * {@code g · [x > 0]} in one pass: {@code g} where {@code x} is positive, else {@code g · 0} (0,
   * or NaN where {@code g} is NaN or infinite; a NaN {@code x} counts as not positive). ReLU's
   * gradient. Differentiable in {@code g} only, with the same masking as its own backward; {@code
   * x} is a constant (its derivative is zero almost everywhere), so second derivatives through ReLU
   * stay exact.
   *
   * @throws IllegalArgumentException if the shapes differ
   */
  public static Tensor reluBackward(Tensor g, Tensor x) {
    int[] shape = g.shape();
    if (!Arrays.equals(shape, x.shape())) {
      throw new IllegalArgumentException(
          "reluBackward: gradient shape "
              + Shape.format(shape)
              + " differs from input shape "
              + Shape.format(x.shape()));
    }
    double[] out =
        BinaryOp.PASS_WHERE_POSITIVE.apply(Values.of(g), shape, Values.of(x), shape, shape);
    return Op.named("reluBackward")
        .inputs(g)
        .record(Tensor.wrap(out, shape), gy -> new Tensor[] {reluBackward(gy, x)});
  }

  private static Tensor like(Tensor x, double[] data) {
    return Tensor.wrap(data, x.shape());
  }
}
