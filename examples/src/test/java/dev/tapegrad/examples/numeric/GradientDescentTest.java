package dev.tapegrad.examples.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gradient descent on x0² + x1², whose exact step multiplies x by 1 − 2η. */
class GradientDescentTest {
  private static final ToDoubleFunction<Tensor> SQUARES = x -> x.mul(x).sum().item();

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.1, 0.3})
  void eachStepShrinksTowardsTheMinimum(double lr) {
    Tensor start = Tensor.vector(-3, 4);
    List<Tensor> path = GradientDescent.path(SQUARES, start, lr, 10);
    assertEquals(11, path.size());
    assertArrayEquals(new double[] {-3, 4}, start.data(), 0.0);
    assertArrayEquals(new double[] {-3, 4}, path.get(0).data(), 0.0);
    for (int k = 0; k <= 10; k++) {
      double factor = Math.pow(1 - 2 * lr, k);
      assertArrayEquals(new double[] {-3 * factor, 4 * factor}, path.get(k).data(), 1e-9);
    }
  }

  @Test
  void theBooksHundredStepsReachItsPrintedPoint() {
    Tensor end = GradientDescent.path(SQUARES, Tensor.vector(-3, 4), 0.1, 100).get(100);
    assertEquals("[-6.11110793e-10  8.14814391e-10]", end.toString());
    assertTrue(Math.abs(end.data()[0] - (-3 * Math.pow(0.8, 100))) < 1e-12);
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> GradientDescent.path(SQUARES, Tensor.vector(1), 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> GradientDescent.path(SQUARES, Tensor.vector(1), 0.1, -1));
  }
}
