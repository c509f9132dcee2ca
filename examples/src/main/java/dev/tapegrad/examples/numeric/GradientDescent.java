package dev.tapegrad.examples.numeric;

import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The book's gradient descent on a plain function (equation 4.7): {@code x ← x − η ∇f(x)} with the
 * numerical gradient, repeated a fixed number of steps from a starting point.
 */
public final class GradientDescent {
  private GradientDescent() {}

  /**
   * The points visited, starting with a copy of {@code start} and ending with the result after
   * {@code steps} updates ({@code steps + 1} points). {@code start} is left unchanged.
   */
  public static List<Tensor> path(
      ToDoubleFunction<Tensor> f, Tensor start, double learningRate, int steps) {
    Objects.requireNonNull(f, "f");
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be positive and finite, got " + learningRate);
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be at least 0, got " + steps);
    }
    List<Tensor> points = new ArrayList<>(steps + 1);
    Tensor x = start.copy();
    points.add(x.copy());
    for (int step = 0; step < steps; step++) {
      double[] grad = NumericalDerivatives.gradient(f, x).data();
      double[] values = x.data();
      for (int i = 0; i < values.length; i++) {
        values[i] -= learningRate * grad[i];
      }
      points.add(x.copy());
    }
    return points;
  }
}
