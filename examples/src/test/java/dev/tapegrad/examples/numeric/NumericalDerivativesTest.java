package dev.tapegrad.examples.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.Tensor;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Central differences against derivatives worked by hand, and the book's exact digits. */
class NumericalDerivativesTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void derivativeOfSineIsCosine(long seed) {
    double x = new SplittableRandom(seed).nextDouble(-3, 3);
    // Central difference error is h²/6·|f'''| ≤ 1.7e-9, plus rounding of about 1e-12.
    assertEquals(Math.cos(x), NumericalDerivatives.derivative(Math::sin, x), 2e-9);
  }

  @Test
  void derivativeMatchesTheBookDigitForDigit() {
    DoubleUnaryOperator f = x -> 0.01 * (x * x) + 0.1 * x;
    assertEquals(0.1999999999990898, NumericalDerivatives.derivative(f, 5));
    assertEquals(0.2999999999986347, NumericalDerivatives.derivative(f, 10));
  }

  @Test
  void derivativeOfAQuadraticIsExactUpToRounding() {
    // For a quadratic the central difference has no truncation error: (x+h)² − (x−h)² = 4xh.
    assertEquals(4.0, NumericalDerivatives.derivative(x -> x * x, 2), 1e-10);
  }

  @Test
  void tangentTouchesTheCurveWithItsSlope() {
    DoubleUnaryOperator f = x -> x * x * x;
    DoubleUnaryOperator t = NumericalDerivatives.tangent(f, 2);
    assertEquals(8, t.applyAsDouble(2), 1e-7);
    assertEquals(12, t.applyAsDouble(3) - t.applyAsDouble(2), 1e-7);
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9})
  void gradientOfAWeightedSumOfSquaresRestoresTheInput(long seed) {
    Tensor x = Tensor.randn(new SplittableRandom(seed), 2, 3);
    double[] before = x.data().clone();
    Tensor g =
        NumericalDerivatives.gradient(
            t -> {
              double s = 0;
              for (int i = 0; i < t.size(); i++) {
                s += (i + 1) * t.data()[i] * t.data()[i];
              }
              return s;
            },
            x);
    assertArrayEquals(before, x.data(), 0.0);
    assertArrayEquals(new int[] {2, 3}, g.shape());
    for (int i = 0; i < before.length; i++) {
      assertEquals(2 * (i + 1) * before[i], g.data()[i], 1e-9);
    }
  }

  @Test
  void gradientRestoresTheInputWhenTheFunctionFails() {
    Tensor x = Tensor.vector(1, 2);
    assertThrows(
        IllegalStateException.class,
        () ->
            NumericalDerivatives.gradient(
                t -> {
                  throw new IllegalStateException("boom");
                },
                x));
    assertArrayEquals(new double[] {1, 2}, x.data(), 0.0);
  }
}
