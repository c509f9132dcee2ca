package dev.tapegrad.autograd.ops;

import static dev.tapegrad.autograd.check.GradCheck.assertSecondOrderGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.GradOption;
import dev.tapegrad.autograd.RandomShapes;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

/** ReLU's one-pass gradient {@code reluBackward}: values, NaN, shapes and higher derivatives. */
class ReluBackwardTest {
  private static final double NAN = Double.NaN;

  @Test
  void passesTheGradientWherePositiveOnly() {
    Tensor x = Tensor.vector(-2, -0.0, 0, 1e-300, 3, Double.POSITIVE_INFINITY);
    Tensor g = Tensor.vector(10, 20, 30, 40, 50, 60);
    assertArrayEquals(new double[] {0, 0, 0, 40, 50, 60}, Elementwise.reluBackward(g, x).data(), 0);
  }

  @Test
  void aNaNInputBlocksTheGradientAndANaNGradientPoisonsEveryEntry() {
    Tensor x = Tensor.vector(NAN, -1, 2, -3);
    Tensor g = Tensor.vector(5, NAN, NAN, Double.POSITIVE_INFINITY);
    assertArrayEquals(new double[] {0, NAN, NAN, NAN}, Elementwise.reluBackward(g, x).data(), 0);
  }

  @Test
  void negativeGradientsMaskedToNegativeZeroLikeTheProductWithTheMask() {
    double masked = Elementwise.reluBackward(Tensor.vector(-7), Tensor.vector(-1)).item();
    assertEquals(-7 * 0.0, masked, 0);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(masked));
  }

  @Test
  void reluBackwardOnTheTapeIsTheMaskedUpstreamGradient() {
    Tensor x = Tensor.vector(-1, 2, 3, -4).requiresGrad();
    Tensor w = Tensor.vector(1, 2, 3, 4);
    try (Tape tape = Tape.record()) {
      tape.backward(x.relu().mul(w).sum());
      assertArrayEquals(new double[] {0, 2, 3, 0}, x.grad().data(), 0);
    }
  }

  @Test
  void shapesMustMatch() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Elementwise.reluBackward(Tensor.zeros(2, 3), Tensor.zeros(3)));
    assertEquals(
        "reluBackward: gradient shape (2,3) differs from input shape (3,)", e.getMessage());
  }

  @Test
  void secondDerivativeOfCubedReluIsSixTimesRelu() {
    Tensor x = Tensor.vector(-1.5, 0.5, 2).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor dy = tape.grad(x.relu().pow(3).sum(), x, GradOption.CREATE_GRAPH);
      assertArrayEquals(new double[] {0, 0.75, 12}, dy.data(), 1e-12);
      Tensor d2y = tape.grad(dy.sum(), x);
      assertArrayEquals(new double[] {0, 3, 12}, d2y.data(), 1e-12);
    }
  }

  @Test
  void secondOrderGradientsThroughReluMatchCentralDifferences() {
    for (int seed = 0; seed < 10; seed++) {
      RandomShapes r = new RandomShapes(seed);
      int[] s = r.shape(3, 3);
      assertSecondOrderGradients(
          xs -> xs[0].relu().pow(3).mul(xs[1]).sum(), r.awayFromZero(s), r.normal(s));
    }
  }
}
