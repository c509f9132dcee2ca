package dev.tapegrad.layers.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The state accessors a checkpoint codec works through: slot names, copies out, restoring. */
class OptimizerSlotStateTest {

  @Test
  void slotStateIsACopyByParameterInSlotOrder() {
    Adam adam = new Adam();
    Tensor w = Tensor.vector(1, 2);
    adam.step(Map.of("w", w), Map.of("w", Tensor.vector(0.5, -1)));
    SortedMap<String, List<Tensor>> copy = adam.slotState();
    adam.step(Map.of("w", w), Map.of("w", Tensor.vector(0.5, -1)));

    assertEquals(List.of("m", "v"), adam.slotNames());
    assertEquals(List.of("w"), List.copyOf(copy.keySet()));
    // after one step m = 0.1 g and v = 0.001 g², untouched by the second step
    assertArrayEquals(new double[] {0.05, -0.1}, copy.get("w").get(0).data(), 1e-15);
    assertArrayEquals(new double[] {2.5e-4, 1e-3}, copy.get("w").get(1).data(), 1e-15);
    assertEquals(Map.of(), new Sgd().slotState(), "no slots, nothing to save");
  }

  @Test
  void restoredStateTakesTheSameNextStep() {
    Momentum original = new Momentum();
    Tensor w = Tensor.vector(1, 2);
    original.step(Map.of("w", w), Map.of("w", Tensor.vector(1, 1)));
    Momentum restored = new Momentum();
    restored.restoreState(original.stepCount(), original.slotState());
    Tensor copy = w.copy();

    original.step(Map.of("w", w), Map.of("w", Tensor.vector(0.5, 2)));
    restored.step(Map.of("w", copy), Map.of("w", Tensor.vector(0.5, 2)));

    assertArrayEquals(w.data(), copy.data(), 0.0);
    assertEquals(2, restored.stepCount());
  }

  @Test
  void stateThatCannotBeUsedIsRefusedAndChangesNothing() {
    Adam adam = new Adam();
    adam.step(Map.of("w", Tensor.vector(1)), Map.of("w", Tensor.vector(1)));
    Tensor one = Tensor.zeros(1);
    assertRefused(adam, -1, Map.of(), "adam: step count -1 is negative");
    assertRefused(
        adam,
        3,
        Map.of("w", List.of(one)),
        "adam: state of parameter 'w' needs one tensor for each slot [m, v], got 1");
    assertRefused(
        adam,
        3,
        Map.of("w", List.of(one, Tensor.zeros(2))),
        "adam: state of parameter 'w' has tensors of shapes (1,) and (2,)");
    assertRefused(
        new Sgd(),
        3,
        Map.of("w", List.of()),
        "sgd: state of parameter 'w' needs one tensor for each slot [], got 0");
  }

  private static void assertRefused(
      Optimizer optimizer, long steps, Map<String, List<Tensor>> state, String message) {
    long stepsBefore = optimizer.stepCount();
    SortedMap<String, List<Tensor>> before = optimizer.slotState();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> optimizer.restoreState(steps, state));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertEquals(stepsBefore, optimizer.stepCount());
    SortedMap<String, List<Tensor>> after = optimizer.slotState();
    assertEquals(before.keySet(), after.keySet());
    before.forEach(
        (name, slots) -> {
          for (int s = 0; s < slots.size(); s++) {
            assertArrayEquals(slots.get(s).data(), after.get(name).get(s).data(), 0.0, name);
          }
        });
  }
}
