package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The spinning worker team behind {@link Parallel}: every part once, errors, nesting, callers. */
class WorkerTeamTest {
  private final WorkerTeam team = new WorkerTeam(3);

  @Test
  void everyPartRunsOnceForAnyNumberOfParts() {
    for (int parts = 0; parts <= 7; parts++) {
      AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(parts, 1));
      team.run(parts, runs::incrementAndGet);
      for (int p = 0; p < parts; p++) {
        assertEquals(1, runs.get(p), "part " + p + " of " + parts);
      }
    }
  }

  @Test
  void manyLoopsBackToBackSeeEachOthersWrites() {
    long[] cells = new long[3];
    for (int round = 1; round <= 20_000; round++) {
      team.run(3, p -> cells[p]++);
    }
    for (long cell : cells) {
      assertEquals(20_000, cell);
    }
  }

  @Test
  void aWorkersExceptionReachesTheCallerAfterTheOtherPartsFinish() {
    IllegalArgumentException boom = new IllegalArgumentException("part 2 failed");
    AtomicIntegerArray runs = new AtomicIntegerArray(3);
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                team.run(
                    3,
                    p -> {
                      runs.incrementAndGet(p);
                      if (p == 2) {
                        throw boom;
                      }
                    }));
    assertSame(boom, thrown);
    assertEquals(1, runs.get(0));
    assertEquals(1, runs.get(1));
    team.run(3, runs::incrementAndGet);
    assertEquals(2, runs.get(2));
  }

  @Test
  void aLoopInsideAPartRunsOnItsOwnThreadInsteadOfWaitingForItself() {
    AtomicLong total = new AtomicLong();
    team.run(3, outer -> team.run(4, inner -> total.addAndGet(10 * outer + inner)));
    assertEquals(4 * (0 + 10 + 20) + 3 * (0 + 1 + 2 + 3), total.get());
  }

  @Test
  void callersOnSeveralThreadsEachGetTheirOwnResults() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> sums = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int caller = c;
        sums.add(
            callers.submit(
                () -> {
                  long sum = 0;
                  for (int round = 0; round < 2_000; round++) {
                    long[] parts = new long[5];
                    team.run(5, p -> parts[p] = caller * 100L + p);
                    for (long v : parts) {
                      sum += v;
                    }
                  }
                  return sum;
                }));
      }
      for (int c = 0; c < 4; c++) {
        assertEquals(2_000L * (5 * c * 100L + 10), sums.get(c).get(60, TimeUnit.SECONDS));
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aWorkerThatParkedWakesForTheNextLoop() throws InterruptedException {
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WorkerTeam.SPIN_NANOS) + 50);
    AtomicIntegerArray runs = new AtomicIntegerArray(3);
    team.run(3, runs::incrementAndGet);
    assertEquals(1, runs.get(1));
    assertEquals(1, runs.get(2));
  }
}
