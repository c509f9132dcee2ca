package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Loops;

/**
 * {@code min(max(x, low), high)}; backward {@code g} where {@code low ≤ x ≤ high}, 0 outside (the
 * bounds count as inside, as in PyTorch). A NaN stays NaN and gets no gradient.
 */
public final class Clamp {
  private Clamp() {}

  /**
   * @throws IllegalArgumentException if {@code low > high} or a bound is NaN
   */
  public static Tensor clamp(Tensor x, double low, double high) {
    if (!(low <= high)) {
      throw new IllegalArgumentException(
          "clamp: the lower bound " + low + " must not exceed the upper bound " + high);
    }
    double[] out =
        Loops.map(
            Values.of(x),
            (in, y, from, to) -> {
              for (int i = from; i < to; i++) {
                y[i] = Math.min(Math.max(in[i], low), high);
              }
            });
    return Op.named("clamp")
        .attribute("low", low)
        .attribute("high", high)
        .inputs(x)
        .record(Tensor.wrap(out, x.shape()), gy -> new Tensor[] {gy.mul(inside(x, low, high))});
  }

  /** 1 where {@code low ≤ x ≤ high}, else 0: a constant mask. */
  private static Tensor inside(Tensor x, double low, double high) {
    double[] out =
        Loops.map(
            Values.of(x),
            (in, mask, from, to) -> {
              for (int i = from; i < to; i++) {
                mask[i] = in[i] >= low && in[i] <= high ? 1 : 0;
              }
            });
    return Tensor.wrap(out, x.shape());
  }
}
