package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Values and gradients of tanh, abs, clamp, minimum, maximum, concat, narrow and stack at points
 * worked out by hand, including the edges PyTorch defines (ties, zero, the clamp bounds), and their
 * error messages. The random-shape gradient checks are in {@link OpGradientTest}.
 */
class NewElementwiseAndJoinOpsTest {

  @Test
  void tanhAndItsDerivative() {
    Tensor x = Tensor.vector(0, 0.5, -2).requiresGrad();
    double t = Math.tanh(0.5); // 0.46211715726000974
    try (Tape tape = Tape.record()) {
      Tensor y = Tanh.tanh(x);
      assertArrayEquals(
          new double[] {0, 0.46211715726000974, -0.9640275800758169}, y.data(), 1e-15);
      tape.backward(y.sum());
    }
    double t2 = Math.tanh(-2);
    assertArrayEquals(new double[] {1, 1 - t * t, 1 - t2 * t2}, x.grad().data(), 1e-15);
  }

  @Test
  void absHasTheSignAsGradientAndZeroAtZero() {
    Tensor x = Tensor.vector(-3, 0, 2.5).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = Abs.abs(x);
      assertArrayEquals(new double[] {3, 0, 2.5}, y.data(), 0);
      tape.backward(y.mul(Tensor.vector(10, 10, 10)).sum());
    }
    assertArrayEquals(new double[] {-10, 0, 10}, x.grad().data(), 0);
  }

  @Test
  void clampPassesTheGradientInsideTheBoundsIncludingThem() {
    Tensor x = Tensor.vector(-2, -1, 0.3, 1, 4, Double.NaN).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = Clamp.clamp(x, -1, 1);
      assertArrayEquals(new double[] {-1, -1, 0.3, 1, 1, Double.NaN}, y.data(), 0);
      tape.backward(y, Tensor.ones(6));
    }
    assertArrayEquals(new double[] {0, 1, 1, 1, 0, 0}, x.grad().data(), 0);
    assertEquals(
        "clamp: the lower bound 2.0 must not exceed the upper bound 1.0",
        assertThrows(IllegalArgumentException.class, () -> Clamp.clamp(x.detach(), 2, 1))
            .getMessage());
  }

  @Test
  void maximumAndMinimumBroadcastAndSplitTiesInHalf() {
    Tensor a = Tensor.of(new double[][] {{1, 5}, {3, -2}}).requiresGrad();
    Tensor b = Tensor.vector(3, 0).requiresGrad(); // broadcast over the rows
    try (Tape tape = Tape.record()) {
      Tensor max = Extrema.maximum(a, b);
      assertArrayEquals(new double[] {3, 5, 3, 0}, max.data(), 0);
      tape.backward(max.sum());
    }
    // a wins at (0,1); b wins at (0,0) and (1,1); (1,0) ties 3 = 3: half each
    assertArrayEquals(new double[] {0, 1, 0.5, 0}, a.grad().data(), 0);
    assertArrayEquals(new double[] {1.5, 1}, b.grad().data(), 0);
    a.zeroGrad();
    b.zeroGrad();
    try (Tape tape = Tape.record()) {
      Tensor min = Extrema.minimum(a, b);
      assertArrayEquals(new double[] {1, 0, 3, -2}, min.data(), 0);
      tape.backward(min.sum());
    }
    assertArrayEquals(new double[] {1, 0, 0.5, 1}, a.grad().data(), 0);
    assertArrayEquals(new double[] {0.5, 1}, b.grad().data(), 0);
    assertEquals(
        "maximum: shapes (2,2) and (3,) cannot broadcast",
        assertThrows(
                IllegalArgumentException.class, () -> Extrema.maximum(a, Tensor.vector(1, 2, 3)))
            .getMessage());
  }

  @Test
  void concatJoinsAlongAnAxisAndSplitsTheGradientBack() {
    Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}}).requiresGrad();
    Tensor b = Tensor.of(new double[][] {{5}, {6}}).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = Concat.concat(1, a, b);
      assertArrayEquals(new int[] {2, 3}, y.shape());
      assertArrayEquals(new double[] {1, 2, 5, 3, 4, 6}, y.data(), 0);
      tape.backward(y, Tensor.of(new double[][] {{10, 20, 30}, {40, 50, 60}}));
    }
    assertArrayEquals(new double[] {10, 20, 40, 50}, a.grad().data(), 0);
    assertArrayEquals(new double[] {30, 60}, b.grad().data(), 0);
    assertArrayEquals(
        new double[] {1, 2, 3, 4, 5, 6},
        Concat.concat(0, a.detach().reshape(4), Tensor.vector(5, 6)).data(),
        0);
    assertEquals(
        "concat: shapes (2,2) and (3,1) differ outside axis 1",
        assertThrows(IllegalArgumentException.class, () -> Concat.concat(1, a, Tensor.zeros(3, 1)))
            .getMessage());
  }

  @Test
  void narrowCopiesAStretchAndPutsTheGradientBackBetweenZeros() {
    Tensor x = Tensor.arange(12).reshape(3, 4).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = Narrow.narrow(x, 1, 1, 2);
      assertArrayEquals(new double[] {1, 2, 5, 6, 9, 10}, y.data(), 0);
      tape.backward(y.sum());
    }
    assertArrayEquals(new double[] {0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0}, x.grad().data(), 0);
    assertEquals(
        "narrow: [3, 5) is outside axis 1 of shape (3,4)",
        assertThrows(IllegalArgumentException.class, () -> Narrow.narrow(x.detach(), 1, 3, 2))
            .getMessage());
  }

  @Test
  void stackAddsANewAxis() {
    Tensor a = Tensor.vector(1, 2).requiresGrad();
    Tensor b = Tensor.vector(3, 4).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor rows = Stack.stack(0, a, b);
      assertArrayEquals(new int[] {2, 2}, rows.shape());
      assertArrayEquals(new double[] {1, 2, 3, 4}, rows.data(), 0);
      Tensor columns = Stack.stack(-1, a, b);
      assertArrayEquals(new double[] {1, 3, 2, 4}, columns.data(), 0);
      tape.backward(columns, Tensor.of(new double[][] {{1, 2}, {3, 4}}));
    }
    assertArrayEquals(new double[] {1, 3}, a.grad().data(), 0);
    assertArrayEquals(new double[] {2, 4}, b.grad().data(), 0);
    assertEquals(
        "stack: shapes (2,) and (3,) differ",
        assertThrows(IllegalArgumentException.class, () -> Stack.stack(0, a, Tensor.zeros(3)))
            .getMessage());
  }
}
