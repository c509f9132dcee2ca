package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Loops;
import dev.tapegrad.autograd.kernels.Loops.BinaryLoop;

/**
 * The elementwise larger or smaller of two broadcast tensors ({@code maximum}, {@code minimum}).
 * Backward sends {@code g} to the input that was chosen, half to each where they tie, as PyTorch
 * does; a NaN wins and passes its gradient to both inputs.
 */
public final class Extrema {
  private Extrema() {}

  /** {@code max(a, b)} per element, with NumPy broadcasting. */
  public static Tensor maximum(Tensor a, Tensor b) {
    return extremum("maximum", a, b, 1);
  }

  /** {@code min(a, b)} per element, with NumPy broadcasting. */
  public static Tensor minimum(Tensor a, Tensor b) {
    return extremum("minimum", a, b, -1);
  }

  /** {@code sign} 1 picks the larger value, −1 the smaller. */
  private static Tensor extremum(String name, Tensor a, Tensor b, int sign) {
    int[] shape = Shape.broadcast(name, a.shape(), b.shape());
    double[] out =
        Loops.zip(
            Values.of(a),
            a.shape(),
            Values.of(b),
            b.shape(),
            shape,
            (x, xi, xs, y, yi, ys, o, oi, n) -> {
              for (int k = 0; k < n; k++) {
                double u = x[xi + k * xs];
                double v = y[yi + k * ys];
                o[oi + k] = sign > 0 ? Math.max(u, v) : Math.min(u, v);
              }
            });
    return Op.named(name)
        .inputs(a, b)
        .record(
            Tensor.wrap(out, shape),
            gy ->
                new Tensor[] {
                  gy.mul(share(a, b, shape, sign)).sumTo(a.shape()),
                  gy.mul(share(b, a, shape, sign)).sumTo(b.shape())
                });
  }

  /**
   * How much of the gradient goes to {@code mine} (a constant): 1 where it won, 0 where the other
   * won, ½ at a tie, 1 where either is NaN.
   */
  private static Tensor share(Tensor mine, Tensor other, int[] shape, int sign) {
    BinaryLoop loop =
        (x, xi, xs, y, yi, ys, o, oi, n) -> {
          for (int k = 0; k < n; k++) {
            double u = sign * x[xi + k * xs];
            double v = sign * y[yi + k * ys];
            o[oi + k] = u > v ? 1 : u == v ? 0.5 : u < v ? 0 : 1;
          }
        };
    return Tensor.wrap(
        Loops.zip(Values.of(mine), mine.shape(), Values.of(other), other.shape(), shape, loop),
        shape);
  }
}
