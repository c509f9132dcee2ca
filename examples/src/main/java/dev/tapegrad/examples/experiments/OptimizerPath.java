package dev.tapegrad.examples.experiments;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.optim.Optimizer;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * The book's optimizer demonstration (section 6.1, equation 6.2, Fig 6-8): one optimizer minimising
 * f(x, y) = x²/20 + y² from a start point, the point (x, y) being one two-element parameter whose
 * gradient (x/10, 2y) comes from the tape.
 */
public final class OptimizerPath {
  /** The book's function f(x, y) = x²/20 + y², with its minimum at (0, 0). */
  public static final DoubleBinaryOperator FUNCTION = (x, y) -> x * x / 20 + y * y;

  private static final Tensor COEFFICIENTS = Tensor.vector(1.0 / 20, 1.0);

  private OptimizerPath() {}

  /**
   * The start point followed by the point after each of {@code steps} updates of {@code optimizer}
   * ({@code steps + 1} points).
   */
  public static List<Point2D> trace(Optimizer optimizer, double startX, double startY, int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("optimizer path: steps must be >= 0, got " + steps);
    }
    Tensor point = Tensor.vector(startX, startY).requiresGrad();
    Map<String, Tensor> params = Map.of("xy", point);
    List<Point2D> path = new ArrayList<>(steps + 1);
    path.add(new Point2D.Double(startX, startY));
    for (int step = 0; step < steps; step++) {
      point.zeroGrad();
      try (Tape tape = Tape.record()) {
        tape.backward(point.pow(2).mul(COEFFICIENTS).sum());
      }
      optimizer.step(params);
      path.add(new Point2D.Double(point.data()[0], point.data()[1]));
    }
    return path;
  }
}
