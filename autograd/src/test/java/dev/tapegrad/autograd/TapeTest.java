package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The tape's recording rules, backward semantics, higher-order gradients and error messages. */
class TapeTest {

  @Test
  void nothingIsRecordedOutsideATape() {
    Tensor x = Tensor.scalar(3).requiresGrad();
    Tensor y = x.mul(x);
    assertNull(y.creator());
    assertFalse(y.needsGrad());
  }

  @Test
  void onlyOpsWithAnInputThatRequiresGradAreRecorded() {
    Tensor constant = Tensor.vector(1, 2);
    Tensor w = Tensor.vector(3, 4).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor c2 = constant.mul(2);
      Tensor y = c2.add(w);
      assertNull(c2.creator());
      assertEquals(1, tape.nodes().size());
      assertEquals("add", tape.nodes().get(0).op());
      assertSame(y, tape.nodes().get(0).output());
    }
  }

  @Test
  void noGradSuspendsRecording() {
    Tensor x = Tensor.scalar(3).requiresGrad();
    try (Tape tape = Tape.record()) {
      try (Tape.Scope paused = Tape.noGrad()) {
        assertNull(x.exp().creator());
      }
      assertTrue(x.exp().needsGrad());
      assertEquals(1, tape.nodes().size());
    }
  }

  @Test
  void scopesNestIntoPaths() {
    Tensor x = Tensor.vector(1, -2).requiresGrad();
    try (Tape tape = Tape.record()) {
      try (Tape.Scope net = Tape.scope("TwoLayerNet")) {
        try (Tape.Scope layer = Tape.scope("Relu1")) {
          x.relu();
        }
        x.neg();
      }
      x.exp();
      assertEquals("TwoLayerNet/Relu1", tape.nodes().get(0).scope());
      assertEquals("TwoLayerNet", tape.nodes().get(1).scope());
      assertEquals("", tape.nodes().get(2).scope());
    }
  }

  @Test
  void gradientsAddUpWhereAValueBranches() {
    Tensor x = Tensor.scalar(3).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.mul(x).add(x); // 2x + 1 = 7
      tape.backward(y);
    }
    assertEquals(7, x.grad().item());
  }

  @Test
  void leafGradientsAccumulateAcrossBackwardCallsUntilCleared() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    for (int i = 0; i < 3; i++) {
      try (Tape tape = Tape.record()) {
        tape.backward(x.mul(5));
      }
    }
    assertEquals(15, x.grad().item());
    x.zeroGrad();
    assertNull(x.grad());
  }

  @Test
  void nonScalarOutputNeedsASeed() {
    Tensor x = Tensor.ones(2, 3).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.mul(2);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> tape.backward(y));
      assertEquals(
          "backward: output has shape (2,3); a non-scalar output needs a seed gradient of that shape",
          e.getMessage());
      IllegalArgumentException wrongSeed =
          assertThrows(IllegalArgumentException.class, () -> tape.backward(y, Tensor.ones(3)));
      assertEquals(
          "backward: seed shape (3,) differs from output shape (2,3)", wrongSeed.getMessage());
      tape.backward(y, Tensor.full(0.5, 2, 3));
    }
    assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, x.grad().data());
  }

  @Test
  void secondBackwardOverAReleasedGraphMentionsRetainGraph() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.exp().mul(3);
      tape.backward(y);
      assertTrue(tape.nodes().get(0).isReleased());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> tape.backward(y));
      assertTrue(e.getMessage().contains("RETAIN_GRAPH"), e.getMessage());
      assertTrue(e.getMessage().startsWith("backward through mul"), e.getMessage());
    }
  }

  @Test
  void retainGraphAllowsASecondBackward() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.pow(3);
      tape.backward(y, GradOption.RETAIN_GRAPH);
      tape.backward(y);
    }
    assertEquals(24, x.grad().item(), 1e-12);
  }

  @Test
  void savedTensorsStayUntilTheirNodeIsFreedAndARecyclingTapeTakesThemBack() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    Tensor factor = Tensor.scalar(3); // made by the op for its backward rule alone
    try (Tape tape = Tape.record().recycling()) {
      Tensor y =
          Op.named("triple")
              .inputs(x)
              .saves(factor)
              .record(Tensor.scalar(6), gy -> new Tensor[] {gy.mul(factor.item())});
      tape.backward(y, GradOption.RETAIN_GRAPH);
      assertEquals(3, factor.item(), "a retained node keeps what it saved");
      tape.backward(y);
      assertThrows(IllegalStateException.class, () -> tape.backward(y));
    }
    assertEquals(6, x.grad().item(), 1e-12);
    IllegalStateException e = assertThrows(IllegalStateException.class, factor::item);
    assertTrue(e.getMessage().contains("recycling()"), e.getMessage());
  }

  @Test
  void aTapeWithoutAnArenaLeavesSavedTensorsToTheirOwners() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    Tensor factor = Tensor.scalar(3);
    try (Tape tape = Tape.record()) {
      Tensor y =
          Op.named("triple")
              .inputs(x)
              .saves(factor)
              .record(Tensor.scalar(6), gy -> new Tensor[] {gy.mul(factor.item())});
      tape.backward(y);
    }
    assertEquals(3, factor.item());
    assertEquals(3, x.grad().item(), 1e-12);
  }

  /** y = x^4 - 2x^2 at x = 2: y' = 4x^3 - 4x = 24, y'' = 12x^2 - 4 = 44, y''' = 24x = 48. */
  @Test
  void createGraphGivesHigherDerivatives() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.pow(4).sub(x.pow(2).mul(2));
      Tensor dy = tape.grad(y, x, GradOption.CREATE_GRAPH);
      assertEquals(24, dy.item(), 1e-12);
      Tensor d2y = tape.grad(dy, x, GradOption.CREATE_GRAPH);
      assertEquals(44, d2y.item(), 1e-12);
      Tensor d3y = tape.grad(d2y, x);
      assertEquals(48, d3y.item(), 1e-12);
    }
    assertNull(x.grad(), "grad() must not touch leaf gradients");
  }

  @Test
  void backwardWithCreateGraphLeavesADifferentiableGrad() {
    Tensor x = Tensor.scalar(3).requiresGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(x.pow(3), GradOption.CREATE_GRAPH); // x.grad = 3x^2 = 27
      Tensor g = x.grad();
      assertEquals(27, g.item(), 1e-12);
      assertEquals(18, tape.grad(g, x).item(), 1e-12); // 6x
    }
  }

  @Test
  void gradOfAnUnrelatedInputIsZero() {
    Tensor x = Tensor.vector(1, 2).requiresGrad();
    Tensor unrelated = Tensor.ones(2, 2).requiresGrad();
    try (Tape tape = Tape.record()) {
      List<Tensor> g = tape.grad(x.mul(x).sum(), List.of(x, unrelated));
      assertArrayEquals(new double[] {2, 4}, g.get(0).data());
      assertArrayEquals(new double[] {0, 0, 0, 0}, g.get(1).data());
    }
  }

  @Test
  void gradWithRespectToAnUntrackedInputIsAnErrorNotZero() {
    Tensor tracked = Tensor.scalar(2).requiresGrad();
    Tensor untracked = Tensor.scalar(3);
    try (Tape tape = Tape.record()) {
      Tensor y = tracked.mul(untracked);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> tape.grad(y, untracked));
      assertTrue(e.getMessage().startsWith("grad: input 0 does not require a gradient"));
    }
  }

  @Test
  void aHundredThousandNodeChainBackwardCompletes() {
    Tensor x = Tensor.scalar(1).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x;
      for (int i = 0; i < 100_000; i++) {
        y = y.mul(1.0);
      }
      assertEquals(100_000, tape.nodes().size());
      tape.backward(y);
    }
    assertEquals(1.0, x.grad().item());
  }

  @Test
  void anomalyModeNamesTheForwardNodeThatMadeNaN() {
    Tensor x = Tensor.vector(1, -1).requiresGrad();
    try (Tape tape = Tape.record().detectAnomalies();
        Tape.Scope scope = Tape.scope("Net/Loss")) {
      Tensor y = x.mul(2);
      AnomalyException e = assertThrows(AnomalyException.class, () -> y.log().sqrt());
      assertEquals(
          "forward of log (scope 'Net/Loss', inputs (2,)) produced a non-finite value",
          e.getMessage());
      assertEquals("log", e.node().op());
    }
  }

  @Test
  void anomalyModeNamesTheBackwardNodeThatMadeInfinity() {
    Tensor x = Tensor.vector(0, 4).requiresGrad();
    try (Tape tape = Tape.record().detectAnomalies()) {
      Tensor y = x.sqrt().sum(); // finite forward, d/dx sqrt(x) = inf at 0
      AnomalyException e = assertThrows(AnomalyException.class, () -> tape.backward(y));
      assertEquals(
          "backward of sqrt (scope '', inputs (2,)) produced a non-finite gradient for input 0",
          e.getMessage());
    }
  }

  @Test
  void withoutAnomalyModeNaNPropagatesSilently() {
    Tensor x = Tensor.vector(-1).requiresGrad();
    try (Tape tape = Tape.record()) {
      assertTrue(Double.isNaN(x.log().item()));
    }
  }

  @Test
  void aTapeBelongsToItsThread() throws Exception {
    Tensor x = Tensor.scalar(2).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.exp();
      CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tape.backward(y));
      ExecutionException e = assertThrows(ExecutionException.class, other::get);
      assertTrue(
          e.getCause().getMessage().contains("belongs to the thread"), e.getCause().getMessage());
      // and the other thread records nothing on it
      CompletableFuture.runAsync(() -> x.exp()).get();
      assertEquals(1, tape.nodes().size());
    }
  }

  @Test
  void nestedTapesRecordOnTheInnermost() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    try (Tape outer = Tape.record()) {
      x.exp();
      try (Tape inner = Tape.record()) {
        x.log();
        assertEquals(1, inner.nodes().size());
      }
      x.neg();
      assertEquals(2, outer.nodes().size());
    }
  }

  @Test
  void powZeroHasAZeroGradientEvenAtZero() {
    Tensor x = Tensor.vector(0, 2, -3).requiresGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(x.pow(0).sum()); // d/dx x⁰ = 0 everywhere, as in PyTorch (not 0·∞ at 0)
    }
    assertArrayEquals(new double[] {0, 0, 0}, x.grad().data(), 0);
  }

  @Test
  void oneInferenceTapeAroundALongLoopTracksOnlyWhatIsAlive() {
    Tensor w = Tensor.vector(1, 2, 3).requiresGrad();
    try (Tape tape = Tape.inference()) {
      int tracked = 0;
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 5_000; i++) {
          w.mul(i).exp(); // two results per iteration, dropped at once
        }
        System.gc();
        tracked = Math.max(tracked, tape.trackedUnrecordedResults());
      }
      // 200,000 results made; without pruning all would still be tracked
      assertTrue(tracked <= 4 * 2 * 5_000, "tracked " + tracked);
    }
  }

  @Test
  void backwardOfAnOutputThatNeedsNoGradientIsAnError() {
    try (Tape tape = Tape.record()) {
      Tensor y = Tensor.scalar(1).exp();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> tape.backward(y));
      assertTrue(e.getMessage().startsWith("backward: the output does not require a gradient"));
    }
  }
}
