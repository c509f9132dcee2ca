package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Loops;

/** The absolute value; backward {@code g·sign(x)}, which is 0 at {@code x = 0} (as PyTorch). */
public final class Abs {
  private Abs() {}

  public static Tensor abs(Tensor x) {
    double[] out =
        Loops.map(
            Values.of(x),
            (in, y, from, to) -> {
              for (int i = from; i < to; i++) {
                y[i] = Math.abs(in[i]);
              }
            });
    return Op.named("abs")
        .inputs(x)
        .record(Tensor.wrap(out, x.shape()), gy -> new Tensor[] {gy.mul(sign(x))});
  }

  /** −1, 0 or 1 per element (NaN stays NaN): a constant, its derivative is 0 almost everywhere. */
  private static Tensor sign(Tensor x) {
    double[] out =
        Loops.map(
            Values.of(x),
            (in, s, from, to) -> {
              for (int i = from; i < to; i++) {
                s[i] = Math.signum(in[i]);
              }
            });
    return Tensor.wrap(out, x.shape());
  }
}
