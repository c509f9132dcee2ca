package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A value recorded on one tape and used on another: backward follows it back to the leaves, as
 * PyTorch's single graph would, or fails with a clear message; a gradient is never silently
 * missing. Expected numbers are worked by hand.
 */
class CrossTapeBackwardTest {

  @Test
  void aValueFromAClosedTapeIsFollowedToItsLeaves() {
    Tensor x = Tensor.scalar(3).requiresGrad();
    Tensor y;
    try (Tape first = Tape.record()) {
      y = x.mul(x); // 9, dy/dx = 2x = 6
    }
    try (Tape second = Tape.record()) {
      Tensor z = y.mul(2).add(x); // dz/dx = 2·6 + 1 = 13
      second.backward(z);
    }
    assertEquals(13, x.grad().item(), 1e-12);
  }

  @Test
  void anInnerTapeFollowsAValueOfTheOuterTape() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    try (Tape outer = Tape.record()) {
      Tensor y = x.exp(); // dy/dx = e²
      try (Tape inner = Tape.record()) {
        Tensor z = y.mul(x); // z = x·eˣ, dz/dx = eˣ + x·eˣ = 3e²
        inner.backward(z);
        assertEquals(1, inner.nodes().size());
      }
    }
    assertEquals(3 * Math.exp(2), x.grad().item(), 1e-12);
  }

  @Test
  void gradAcrossTapesWithCreateGraphGivesTheSecondDerivative() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    Tensor cube;
    try (Tape first = Tape.record()) {
      cube = x.pow(3);
    }
    try (Tape second = Tape.record()) {
      Tensor dy = second.grad(cube.mul(1), x, GradOption.CREATE_GRAPH); // 3x² = 12
      assertEquals(12, dy.item(), 1e-12);
      assertEquals(12, second.grad(dy, x).item(), 1e-12); // 6x = 12
    }
  }

  @Test
  void aBranchOnTwoTapesAddsUpBothPaths() {
    Tensor x = Tensor.scalar(1.5).requiresGrad();
    Tensor a;
    try (Tape first = Tape.record()) {
      a = x.mul(4); // da/dx = 4
    }
    try (Tape second = Tape.record()) {
      Tensor b = x.pow(2); // db/dx = 2x = 3
      second.backward(a.add(b).add(a.mul(b))); // 4 + 3 + (4·x² + a·2x) = 7 + 9 + 18 = 34
    }
    assertEquals(34, x.grad().item(), 1e-12);
  }

  @Test
  void aValueFromARecycledTapeIsAClearErrorNotAMissingGradient() {
    Tensor x = Tensor.scalar(3).requiresGrad();
    Tensor y;
    try (Tape first = Tape.record().recycling()) {
      y = x.mul(x);
      first.keep(y);
    }
    try (Tape second = Tape.record()) {
      Tensor z = y.mul(2);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> second.backward(z));
      assertTrue(e.getMessage().contains("closed with recycling()"), e.getMessage());
      assertTrue(e.getMessage().contains("detach()"), e.getMessage());
    }
    assertNull(x.grad());
  }

  @Test
  void backwardOnAnOuterTapeRecordsNothingOnTheInnerOne() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    try (Tape outer = Tape.record()) {
      Tensor y = x.pow(3);
      try (Tape inner = Tape.record()) {
        outer.backward(y);
        assertEquals(0, inner.nodes().size(), "the backward pass was recorded on the inner tape");
      }
    }
    assertEquals(12, x.grad().item(), 1e-12);
  }
}
