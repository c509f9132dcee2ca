package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.optim.Adam;
import dev.tapegrad.layers.optim.Momentum;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.optim.Optimizers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exporting and importing optimizer state for checkpoints: names, round trips, rejected input. */
class OptimizerStateCodecTest {

  static Stream<Named<Supplier<Optimizer>>> allOptimizers() {
    return Optimizers.names().stream().map(name -> Named.of(name, () -> Optimizers.create(name)));
  }

  private static Map<String, Tensor> randomParams(SplittableRandom rng) {
    Map<String, Tensor> params = new HashMap<>();
    params.put("Affine1.W", Tensor.randn(rng, 3, 2));
    params.put("Affine1.b", Tensor.randn(rng, 2));
    return params;
  }

  private static Map<String, Tensor> gradsLike(Map<String, Tensor> params, SplittableRandom rng) {
    Map<String, Tensor> grads = new HashMap<>();
    params.forEach((name, p) -> grads.put(name, Tensor.randn(rng, p.shape())));
    return grads;
  }

  private static Map<String, Tensor> copies(Map<String, Tensor> params) {
    Map<String, Tensor> out = new HashMap<>();
    params.forEach((name, p) -> out.put(name, p.copy()));
    return out;
  }

  @ParameterizedTest
  @MethodSource("allOptimizers")
  void restoredOptimizerTakesTheSameNextStep(Supplier<Optimizer> factory) {
    SplittableRandom rng = new SplittableRandom(7);
    Optimizer original = factory.get();
    Map<String, Tensor> params = randomParams(rng);
    for (int i = 0; i < 3; i++) {
      original.step(params, gradsLike(params, rng));
    }
    Map<String, Tensor> saved = OptimizerStateCodec.encode(original);
    Map<String, Tensor> paramsCopy = copies(params);

    Optimizer restored = factory.get();
    OptimizerStateCodec.decodeInto(saved, restored, paramsCopy);
    assertEquals(3, restored.stepCount());

    Map<String, Tensor> grads = gradsLike(params, rng);
    original.step(params, grads);
    restored.step(paramsCopy, grads);
    params.forEach(
        (name, p) -> assertArrayEquals(p.data(), paramsCopy.get(name).data(), 0.0, name));
    Map<String, Tensor> a = OptimizerStateCodec.encode(original);
    Map<String, Tensor> b = OptimizerStateCodec.encode(restored);
    assertEquals(a.keySet(), b.keySet());
    a.forEach((name, t) -> assertArrayEquals(t.data(), b.get(name).data(), 0.0, name));
  }

  @Test
  void stateNamesAreKindSlotParameterWithTheStepCountFirst() {
    Adam adam = new Adam();
    Map<String, Tensor> params =
        Map.of("Affine1.W", Tensor.zeros(2, 3), "Affine1.b", Tensor.zeros(3));
    adam.step(params, Map.of("Affine1.W", Tensor.ones(2, 3), "Affine1.b", Tensor.ones(3)));
    assertEquals(
        List.of(
            "adam/t",
            "adam/m/Affine1.W",
            "adam/m/Affine1.b",
            "adam/v/Affine1.W",
            "adam/v/Affine1.b"),
        List.copyOf(OptimizerStateCodec.encode(adam).keySet()));
    assertEquals(0, OptimizerStateCodec.encode(adam).get("adam/t").rank());
    assertArrayEquals(
        new int[] {2, 3}, OptimizerStateCodec.encode(adam).get("adam/m/Affine1.W").shape());
    assertEquals(
        List.of("momentum/t"), List.copyOf(OptimizerStateCodec.encode(new Momentum()).keySet()));
  }

  @Test
  void exportedStateIsASnapshot() {
    Momentum momentum = new Momentum();
    Map<String, Tensor> params = Map.of("w", Tensor.vector(1.0));
    momentum.step(params, Map.of("w", Tensor.vector(1.0)));
    Map<String, Tensor> snapshot = OptimizerStateCodec.encode(momentum);
    momentum.step(params, Map.of("w", Tensor.vector(1.0)));
    assertArrayEquals(new double[] {-0.01}, snapshot.get("momentum/v/w").data(), 1e-15);
    assertEquals(1.0, snapshot.get("momentum/t").item());
  }

  @Test
  void loadingCopiesTheTensors() {
    Tensor v = Tensor.vector(0.5);
    Momentum momentum = new Momentum(0.1, 0.5);
    OptimizerStateCodec.decodeInto(
        Map.of("momentum/t", Tensor.scalar(4), "momentum/v/w", v), momentum);
    v.data()[0] = 100;
    Tensor w = Tensor.vector(0.0);
    momentum.step(Map.of("w", w), Map.of("w", Tensor.vector(1.0)));
    // v = 0.5 * 0.5 - 0.1 * 1 = 0.15; w = 0 + 0.15
    assertEquals(0.15, w.item(), 1e-15);
    assertEquals(5, momentum.stepCount());
  }

  @Test
  void loadingReplacesAllPreviousState() {
    Momentum momentum = new Momentum();
    momentum.step(Map.of("old", Tensor.vector(1.0)), Map.of("old", Tensor.vector(1.0)));
    OptimizerStateCodec.decodeInto(Map.of("momentum/t", Tensor.scalar(0)), momentum);
    assertEquals(List.of("momentum/t"), List.copyOf(OptimizerStateCodec.encode(momentum).keySet()));
    assertEquals(0, momentum.stepCount());
  }

  @Test
  void foreignOrUnknownNamesAreRejected() {
    Adam adam = new Adam();
    assertMessage(
        adam,
        Map.of("adam/t", Tensor.scalar(1), "momentum/v/W", Tensor.zeros(2)),
        "unknown state entry 'momentum/v/W'",
        "adam/m/<parameter>");
    assertMessage(
        adam,
        Map.of("adam/t", Tensor.scalar(1), "adam/h/W", Tensor.zeros(2)),
        "unknown state entry 'adam/h/W'");
    assertMessage(
        adam,
        Map.of("adam/t", Tensor.scalar(1), "adam/m/", Tensor.zeros(2)),
        "unknown state entry 'adam/m/'");
    assertMessage(
        adam,
        Map.of("adam/m/W", Tensor.zeros(2), "adam/v/W", Tensor.zeros(2)),
        "no step count 'adam/t'");
  }

  @Test
  void badStepCountsAreRejected() {
    Adam adam = new Adam();
    assertMessage(adam, Map.of("adam/t", Tensor.scalar(-1)), "non-negative whole number, got -1.0");
    assertMessage(adam, Map.of("adam/t", Tensor.scalar(2.5)), "got 2.5");
    assertMessage(adam, Map.of("adam/t", Tensor.scalar(Double.NaN)), "got NaN");
    assertMessage(adam, Map.of("adam/t", Tensor.zeros(2)), "got shape (2,)");
    assertMessage(
        adam,
        Map.of("adam/t", Tensor.vector(3)),
        "'adam/t' must be a scalar holding a non-negative whole number, got shape (1,)");
    assertMessage(adam, Map.of("adam/t", Tensor.scalar(3).reshape(1, 1)), "got shape (1,1)");
  }

  @Test
  void incompleteOrInconsistentSlotsAreRejected() {
    Adam adam = new Adam();
    assertMessage(
        adam, Map.of("adam/t", Tensor.scalar(1), "adam/m/W", Tensor.zeros(2)), "no 'adam/v/W'");
    assertMessage(
        adam,
        Map.of(
            "adam/t",
            Tensor.scalar(1),
            "adam/m/W",
            Tensor.zeros(2, 3),
            "adam/v/W",
            Tensor.zeros(3, 2)),
        "'adam/v/W' has shape (3,2) but 'adam/m/W' has shape (2,3)");
  }

  @Test
  void loadingAgainstParametersChecksNamesAndShapes() {
    Momentum momentum = new Momentum();
    Map<String, Tensor> params = Map.of("W", Tensor.zeros(2, 3));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OptimizerStateCodec.decodeInto(
                    Map.of("momentum/t", Tensor.scalar(1), "momentum/v/X", Tensor.zeros(2)),
                    momentum,
                    params));
    assertTrue(unknown.getMessage().contains("unknown parameter 'X'"), unknown.getMessage());
    IllegalArgumentException shape =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OptimizerStateCodec.decodeInto(
                    Map.of("momentum/t", Tensor.scalar(1), "momentum/v/W", Tensor.zeros(3, 2)),
                    momentum,
                    params));
    assertTrue(
        shape
            .getMessage()
            .contains("'momentum/v/W' has shape (3,2) but parameter 'W' has shape (2,3)"),
        shape.getMessage());
  }

  @Test
  void aFailedLoadLeavesTheStateUnchanged() {
    Momentum momentum = new Momentum();
    momentum.step(Map.of("w", Tensor.vector(1.0)), Map.of("w", Tensor.vector(1.0)));
    Map<String, Tensor> before = OptimizerStateCodec.encode(momentum);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            OptimizerStateCodec.decodeInto(
                Map.of(
                    "momentum/t",
                    Tensor.scalar(9),
                    "momentum/v/a",
                    Tensor.zeros(1),
                    "bogus",
                    Tensor.zeros(1)),
                momentum));
    assertEquals(before.keySet(), OptimizerStateCodec.encode(momentum).keySet());
    assertEquals(1, momentum.stepCount());
  }

  @Test
  void loadedStateOfAnotherShapeIsCaughtAtTheNextStep() {
    Momentum momentum = new Momentum();
    OptimizerStateCodec.decodeInto(
        Map.of("momentum/t", Tensor.scalar(1), "momentum/v/W", Tensor.zeros(3)), momentum);
    Tensor w = Tensor.vector(1, 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> momentum.step(Map.of("W", w), Map.of("W", Tensor.vector(1, 1))));
    assertTrue(
        e.getMessage()
            .contains("state of parameter 'W' has shape (3,) but the parameter now has shape (2,)"),
        e.getMessage());
    assertArrayEquals(new double[] {1, 2}, w.data());
    assertEquals(1, momentum.stepCount());
  }

  private static void assertMessage(
      Optimizer optimizer, Map<String, Tensor> state, String... parts) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OptimizerStateCodec.decodeInto(state, optimizer));
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
  }
}
