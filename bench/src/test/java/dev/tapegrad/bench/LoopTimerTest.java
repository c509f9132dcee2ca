package dev.tapegrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopTimerTest {
  @Test
  void warmsUpThenTakesTheMinimumNumberOfSamples() {
    AtomicInteger calls = new AtomicInteger();
    Samples s = LoopTimer.measure(calls::incrementAndGet, new MeasurementPlan(0, 3, 0, 5, 10));
    assertEquals(5, s.count());
    assertEquals(8, calls.get());
  }

  @Test
  void stopsAtTheMaximumEvenWhenTimeRemains() {
    AtomicInteger calls = new AtomicInteger();
    Samples s = LoopTimer.measure(calls::incrementAndGet, new MeasurementPlan(0, 0, 60, 1, 100));
    assertEquals(100, s.count());
    assertEquals(100, calls.get());
  }

  @Test
  void timesEachRepetitionInMilliseconds() {
    Samples s = LoopTimer.measure(() -> sleep(3), new MeasurementPlan(0, 0, 0, 3, 3));
    assertTrue(s.quantile(0) >= 3.0, s::toString);
    assertTrue(s.median() < 1000, s::toString);
  }

  @Test
  void describesItselfForTheReport() {
    assertEquals(
        "3 s warm-up (at least 2 runs), then about 5 s of samples (5 to 2000)",
        MeasurementPlan.full().describe());
    assertEquals(
        "1 s warm-up (at least 1 runs), then about 1.5 s of samples (3 to 500)",
        MeasurementPlan.quick().describe());
  }

  @Test
  void rejectsAPlanThatCannotBeMet() {
    assertThrows(IllegalArgumentException.class, () -> new MeasurementPlan(1, 1, 1, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> new MeasurementPlan(1, 1, 1, 5, 4));
    assertThrows(IllegalArgumentException.class, () -> new MeasurementPlan(-1, 1, 1, 1, 4));
    assertThrows(IllegalArgumentException.class, () -> new MeasurementPlan(1, 1, Double.NaN, 1, 4));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
