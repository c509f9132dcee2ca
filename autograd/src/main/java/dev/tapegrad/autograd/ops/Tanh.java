package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Loops;

/** The hyperbolic tangent; backward {@code g·(1 − y²)}, reusing the output. */
public final class Tanh {
  private Tanh() {}

  public static Tensor tanh(Tensor x) {
    double[] out =
        Loops.map(
            Values.of(x),
            (in, y, from, to) -> {
              for (int i = from; i < to; i++) {
                y[i] = Math.tanh(in[i]);
              }
            });
    Tensor y = Tensor.wrap(out, x.shape());
    return Op.named("tanh").inputs(x).record(y, gy -> new Tensor[] {gy.mul(y.mul(y).neg().add(1))});
  }
}
