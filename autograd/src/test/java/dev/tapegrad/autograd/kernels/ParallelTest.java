package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** How {@link Parallel} cuts index ranges and runs their parts. */
class ParallelTest {

  @Test
  void theThreadsPropertyIsAWholeNumberFromOneToFourPerProcessor() {
    assertEquals(2, Parallel.parseThreads(null, 2), "unset: every processor");
    assertEquals(1, Parallel.parseThreads("1", 2));
    assertEquals(8, Parallel.parseThreads(" 8 ", 2));
    for (String bad : new String[] {"0", "-3", "9", "100000", "two", "", "1.5"}) {
      assertEquals(0, Parallel.parseThreads(bad, 2), bad);
    }
    assertEquals(
        "-Dtapegrad.threads must be a whole number from 1 to 8 (4 x the 2 available"
            + " processors), got '100000'",
        Parallel.invalidThreadsMessage("100000", 2));
  }

  @Test
  void partsAreContiguousNearlyEqualAndCoverTheRange() {
    for (int count : new int[] {0, 1, 2, 7, 100}) {
      for (int parts = 1; parts <= 5; parts++) {
        assertEquals(0, Parallel.partStart(count, 0, parts));
        assertEquals(count, Parallel.partStart(count, parts, parts));
        for (int part = 0; part < parts; part++) {
          int from = Parallel.partStart(count, part, parts);
          int size = Parallel.partStart(count, part + 1, parts) - from;
          assertTrue(size == count / parts || size == count / parts + 1, count + " in " + parts);
        }
      }
    }
  }

  @Test
  void everyPartRunsExactlyOnce() {
    AtomicIntegerArray runs = new AtomicIntegerArray(5);
    Parallel.forEachPart(5, runs::incrementAndGet);
    int[] counts = new int[5];
    for (int i = 0; i < 5; i++) {
      counts[i] = runs.get(i);
    }
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, counts);
  }

  @Test
  void forRangeCoversEveryIndexOnceAboveAndBelowTheThreshold() {
    for (int count : new int[] {10, Parallel.MIN_PARALLEL_WORK + 3}) {
      AtomicIntegerArray visits = new AtomicIntegerArray(count);
      Parallel.forRange(
          count,
          1,
          (from, to) -> {
            for (int i = from; i < to; i++) {
              visits.incrementAndGet(i);
            }
          });
      for (int i = 0; i < count; i++) {
        assertEquals(1, visits.get(i));
      }
    }
  }
}
