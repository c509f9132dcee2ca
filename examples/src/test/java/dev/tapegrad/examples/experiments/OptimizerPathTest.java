package dev.tapegrad.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.layers.optim.AdaGrad;
import dev.tapegrad.layers.optim.Momentum;
import dev.tapegrad.layers.optim.Sgd;
import java.awt.geom.Point2D;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerPathTest {
  @Test
  void sgdStepsFollowTheGradientOfTheBowl() {
    // by hand: gradient (x/10, 2y) at (-7, 2) is (-0.7, 4); then at (-6.335, -1.8) it is (-0.6335,
    // -3.6)
    List<Point2D> path = OptimizerPath.trace(new Sgd(0.95), -7, 2, 2);
    assertEquals(3, path.size());
    assertEquals(new Point2D.Double(-7, 2), path.get(0));
    assertEquals(-6.335, path.get(1).getX(), 1e-12);
    assertEquals(-1.8, path.get(1).getY(), 1e-12);
    assertEquals(-6.335 + 0.95 * 0.6335, path.get(2).getX(), 1e-12);
    assertEquals(-1.8 + 0.95 * 3.6, path.get(2).getY(), 1e-12);
  }

  @Test
  void momentumAndAdaGradFirstStepsAreTheBooksEquations() {
    // Momentum: v = -lr*g, p += v; AdaGrad: h = g², p -= lr*g/(|g| + 1e-7)
    Point2D momentum = OptimizerPath.trace(new Momentum(0.1), -7, 2, 1).get(1);
    assertEquals(-7 + 0.07, momentum.getX(), 1e-12);
    assertEquals(2 - 0.4, momentum.getY(), 1e-12);
    Point2D adaGrad = OptimizerPath.trace(new AdaGrad(1.5), -7, 2, 1).get(1);
    assertEquals(-7 + 1.5 * 0.7 / (0.7 + 1e-7), adaGrad.getX(), 1e-12);
    assertEquals(2 - 1.5 * 4 / (4 + 1e-7), adaGrad.getY(), 1e-12);
  }

  @Test
  void zeroStepsIsTheStartAndNegativeStepsAreRejected() {
    assertEquals(List.of(new Point2D.Double(3, 4)), OptimizerPath.trace(new Sgd(), 3, 4, 0));
    assertThrows(IllegalArgumentException.class, () -> OptimizerPath.trace(new Sgd(), 0, 0, -1));
  }

  @Test
  void theFunctionIsTheBooksEquation62() {
    assertEquals(49.0 / 20 + 4, OptimizerPath.FUNCTION.applyAsDouble(-7, 2), 1e-15);
    assertEquals(0, OptimizerPath.FUNCTION.applyAsDouble(0, 0));
  }
}
