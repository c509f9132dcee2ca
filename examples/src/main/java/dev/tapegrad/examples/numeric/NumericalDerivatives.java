package dev.tapegrad.examples.numeric;

import dev.tapegrad.autograd.Tensor;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The book's numerical differentiation of plain functions (chapter 4): central differences {@code
 * (f(x+h) − f(x−h)) / 2h} with {@code h = 1e-4}, for derivatives of one variable, tangent lines,
 * and gradients of functions of a tensor.
 */
public final class NumericalDerivatives {
  /**
   * The book's step: small, yet large enough that {@code x ± h} is not rounded back to {@code x}.
   */
  public static final double H = 1e-4;

  private NumericalDerivatives() {}

  /** {@code df/dx} at {@code x} by the central difference. */
  public static double derivative(DoubleUnaryOperator f, double x) {
    Objects.requireNonNull(f, "f");
    return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
  }

  /**
   * The tangent line of {@code f} at {@code x}: {@code t ↦ d·t + (f(x) − d·x)}, {@code d} the
   * derivative.
   */
  public static DoubleUnaryOperator tangent(DoubleUnaryOperator f, double x) {
    double slope = derivative(f, x);
    double intercept = f.applyAsDouble(x) - slope * x;
    return t -> slope * t + intercept;
  }

  /**
   * The gradient of {@code f} at {@code x}, one element at a time: each element is moved to {@code
   * v + h} and {@code v − h}, {@code f} evaluated on the whole tensor, and the value restored. So
   * {@code f} sees {@code x} itself, changed in place; {@code x} holds its old values again on
   * return.
   */
  public static Tensor gradient(ToDoubleFunction<Tensor> f, Tensor x) {
    Objects.requireNonNull(f, "f");
    double[] values = x.data();
    double[] grad = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double saved = values[i];
      try {
        values[i] = saved + H;
        double plus = f.applyAsDouble(x);
        values[i] = saved - H;
        double minus = f.applyAsDouble(x);
        grad[i] = (plus - minus) / (2 * H);
      } finally {
        values[i] = saved;
      }
    }
    return Tensor.wrap(grad, x.shape());
  }
}
