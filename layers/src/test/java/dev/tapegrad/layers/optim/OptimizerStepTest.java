package dev.tapegrad.layers.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How a step treats its input: skipped gradients, the tape, bad shapes and names, settings. */
class OptimizerStepTest {

  static Stream<Named<Supplier<Optimizer>>> allOptimizers() {
    return Optimizers.names().stream().map(name -> Named.of(name, () -> Optimizers.create(name)));
  }

  @ParameterizedTest
  @MethodSource("allOptimizers")
  void parametersWithoutGradientsAreSkipped(Supplier<Optimizer> factory) {
    Optimizer optimizer = factory.get();
    Tensor used = Tensor.vector(1, 2).requiresGrad();
    Tensor unused = Tensor.vector(3, 4).requiresGrad();
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("used", used);
    params.put("unused", unused);
    try (Tape tape = Tape.record()) {
      tape.backward(used.sum());
    }
    assertNull(unused.grad());

    optimizer.step(params);

    assertArrayEquals(new double[] {3, 4}, unused.data());
    assertTrue(used.data()[0] < 1 && used.data()[1] < 2, "the parameter with a gradient moved");
    assertFalse(optimizer.slotState().containsKey("unused"), "no state for the skipped one");
  }

  @ParameterizedTest
  @MethodSource("allOptimizers")
  void aLargeParameterSplitAcrossCoresMovesExactlyAsItsPiecesDo(Supplier<Optimizer> factory) {
    // 200,000 values are updated in ranges on several cores; the same values as four parameters
    // of 50,000 (each below the split threshold) are updated on one thread: same numbers
    int piece = 50_000;
    Tensor whole = Tensor.randn(new java.util.Random(3), 4 * piece);
    Tensor wholeGrad = Tensor.randn(new java.util.Random(4), 4 * piece);
    Map<String, Tensor> pieces = new LinkedHashMap<>();
    Map<String, Tensor> pieceGrads = new LinkedHashMap<>();
    for (int p = 0; p < 4; p++) {
      pieces.put("p" + p, whole.slice(p * piece, (p + 1) * piece).copy());
      pieceGrads.put("p" + p, wholeGrad.slice(p * piece, (p + 1) * piece).copy());
    }
    Optimizer split = factory.get();
    Optimizer sequential = factory.get();
    for (int step = 0; step < 3; step++) {
      split.step(Map.of("w", whole), Map.of("w", wholeGrad));
      sequential.step(pieces, pieceGrads);
    }
    for (int p = 0; p < 4; p++) {
      assertArrayEquals(
          pieces.get("p" + p).data(), whole.slice(p * piece, (p + 1) * piece).toArray());
    }
  }

  @ParameterizedTest
  @MethodSource("allOptimizers")
  void missingOrNullEntriesInAGradientMapAreSkipped(Supplier<Optimizer> factory) {
    Optimizer optimizer = factory.get();
    Tensor a = Tensor.vector(1);
    Tensor b = Tensor.vector(2);
    Tensor c = Tensor.vector(3);
    Map<String, Tensor> grads = new HashMap<>();
    grads.put("a", Tensor.vector(1));
    grads.put("b", null);
    optimizer.step(Map.of("a", a, "b", b, "c", c), grads);
    assertTrue(a.item() < 1);
    assertEquals(2, b.item());
    assertEquals(3, c.item());
  }

  @ParameterizedTest
  @MethodSource("allOptimizers")
  void aStepInsideAnOpenTapeRecordsNothing(Supplier<Optimizer> factory) {
    Optimizer optimizer = factory.get();
    Tensor w = Tensor.vector(1, -2).requiresGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(w.mul(w).sum());
      int recorded = tape.nodes().size();
      optimizer.step(Map.of("w", w));
      assertEquals(recorded, tape.nodes().size());
    }
    assertNull(w.creator());
    assertTrue(w.needsGrad());
  }

  @ParameterizedTest
  @MethodSource("allOptimizers")
  void aGradientOfAnotherShapeIsRejectedBeforeAnythingChanges(Supplier<Optimizer> factory) {
    Optimizer optimizer = factory.get();
    Tensor good = Tensor.vector(1, 2);
    Tensor bad = Tensor.zeros(2, 3);
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("good", good);
    params.put("Affine1.W", bad);
    Map<String, Tensor> grads =
        Map.of("good", Tensor.vector(1, 1), "Affine1.W", Tensor.zeros(3, 2));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> optimizer.step(params, grads));

    assertTrue(
        e.getMessage()
            .contains("parameter 'Affine1.W' has shape (2,3) but its gradient has shape (3,2)"),
        e.getMessage());
    assertArrayEquals(new double[] {1, 2}, good.data());
    assertEquals(0, optimizer.stepCount());
  }

  @Test
  void aGradientForAnUnknownParameterIsRejected() {
    Sgd sgd = new Sgd();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sgd.step(Map.of("W1", Tensor.vector(1)), Map.of("W2", Tensor.vector(1))));
    assertTrue(
        e.getMessage().contains("unknown parameter 'W2'; parameters are [W1]"), e.getMessage());
  }

  @Test
  void aNullParameterIsNamed() {
    Map<String, Tensor> params = new HashMap<>();
    params.put("W1", null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Adam().step(params));
    assertTrue(e.getMessage().contains("parameter 'W1' is null"), e.getMessage());
  }

  @Test
  void theLearningRateCanBeChangedBetweenSteps() {
    Sgd sgd = new Sgd();
    Tensor w = Tensor.vector(1.0);
    Map<String, Tensor> params = Map.of("w", w);
    sgd.step(params, Map.of("w", Tensor.vector(1.0)));
    sgd.setLearningRate(0.5);
    sgd.step(params, Map.of("w", Tensor.vector(1.0)));
    // 1 - 0.01 - 0.5
    assertEquals(0.49, w.item(), 1e-15);
    assertEquals(0.5, sgd.learningRate());
  }

  @Test
  void defaultsAreTheBooks() {
    assertEquals(0.01, new Sgd().learningRate());
    assertEquals(0.01, new Momentum().learningRate());
    assertEquals(0.9, new Momentum().momentum());
    assertEquals(0.01, new Nesterov().learningRate());
    assertEquals(0.9, new Nesterov().momentum());
    assertEquals(0.01, new AdaGrad().learningRate());
    assertEquals(0.01, new RmsProp().learningRate());
    assertEquals(0.99, new RmsProp().decay());
    Adam adam = new Adam();
    assertEquals(0.001, adam.learningRate());
    assertEquals(0.9, adam.beta1());
    assertEquals(0.999, adam.beta2());
    assertEquals("Adam(lr=0.001, beta1=0.9, beta2=0.999)", adam.toString());
  }

  @Test
  void badHyperparametersAreRejected() {
    assertMessage(() -> new Sgd(0), "sgd learning rate must be positive and finite, got 0.0");
    assertMessage(() -> new Sgd(Double.NaN), "got NaN");
    assertMessage(() -> new Adam().setLearningRate(Double.POSITIVE_INFINITY), "got Infinity");
    assertMessage(
        () -> new Momentum(0.01, 1.0), "momentum factor of Momentum must be in [0, 1), got 1.0");
    assertMessage(() -> new Nesterov(0.01, -0.1), "got -0.1");
    assertMessage(() -> new RmsProp(0.01, 1.5), "RMSprop decay must be in [0, 1)");
    assertMessage(() -> new Adam(0.001, 0.9, 1.0), "Adam beta2 must be in [0, 1)");
  }

  @Test
  void optimizersAreFoundByTheTrainersNames() {
    assertInstanceOf(Sgd.class, Optimizers.create("SGD"));
    assertInstanceOf(Momentum.class, Optimizers.create("momentum"));
    assertInstanceOf(Nesterov.class, Optimizers.create("nesterov"));
    assertInstanceOf(AdaGrad.class, Optimizers.create(" AdaGrad "));
    assertInstanceOf(RmsProp.class, Optimizers.create("rmsprop"));
    Optimizer adam = Optimizers.create("adam", 0.3);
    assertInstanceOf(Adam.class, adam);
    assertEquals(0.3, adam.learningRate());
    assertEquals("adam", adam.kind());
    assertMessage(
        () -> Optimizers.create("rmsprpo"),
        "unknown optimizer 'rmsprpo'; expected one of"
            + " [sgd, momentum, nesterov, adagrad, rmsprop, adam]");
  }

  private static void assertMessage(Runnable action, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
