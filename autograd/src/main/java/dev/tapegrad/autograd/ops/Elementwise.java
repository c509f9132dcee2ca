package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.UnaryOp;

/** One-input elementwise ops: neg, pow (constant exponent), exp, log, sqrt and relu. */
public final class Elementwise {
  private Elementwise() {}

  public static Tensor neg(Tensor x) {
    return Op.named("neg")
        .inputs(x)
        .record(like(x, UnaryOp.NEG.apply(x.data())), gy -> new Tensor[] {gy.neg()});
  }

  /** {@code x^p}; backward {@code p·x^(p-1)}. */
  public static Tensor pow(Tensor x, double p) {
    return Op.named("pow")
        .attribute("exponent", p)
        .inputs(x)
        .record(
            like(x, UnaryOp.pow(x.data(), p)), gy -> new Tensor[] {gy.mul(x.pow(p - 1).mul(p))});
  }

  /** Backward {@code gy·exp(x)}, reusing the output. */
  public static Tensor exp(Tensor x) {
    Tensor y = like(x, UnaryOp.EXP.apply(x.data()));
    return Op.named("exp").inputs(x).record(y, gy -> new Tensor[] {gy.mul(y)});
  }

  /** Backward {@code gy / x}. */
  public static Tensor log(Tensor x) {
    return Op.named("log")
        .inputs(x)
        .record(like(x, UnaryOp.LOG.apply(x.data())), gy -> new Tensor[] {gy.div(x)});
  }

  /** Backward {@code gy / (2·sqrt(x))}, reusing the output. */
  public static Tensor sqrt(Tensor x) {
    Tensor y = like(x, UnaryOp.SQRT.apply(x.data()));
    return Op.named("sqrt").inputs(x).record(y, gy -> new Tensor[] {gy.div(y.mul(2))});
  }

  /** Backward: the upstream gradient where {@code x > 0}, else 0 (the mask is a constant). */
  public static Tensor relu(Tensor x) {
    return Op.named("relu")
        .inputs(x)
        .record(
            like(x, UnaryOp.RELU.apply(x.data())),
            gy -> new Tensor[] {gy.mul(like(x, UnaryOp.POSITIVE_MASK.apply(x.data())))});
  }

  private static Tensor like(Tensor x, double[] data) {
    return Tensor.wrap(data, x.shape());
  }
}
