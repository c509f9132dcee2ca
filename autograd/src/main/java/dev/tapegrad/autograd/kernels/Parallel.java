package dev.tapegrad.autograd.kernels;

import java.util.stream.IntStream;

/**
 * Splits a kernel's outer loop across the machine's cores when the work is large enough to pay for
 * it; small work runs on the calling thread. The split is into contiguous chunks (one per core),
 * so each chunk is a plain loop over {@code double[]}.
 */
public final class Parallel {
  /** Below this many elements of work a kernel stays on one thread. */
  public static final int MIN_PARALLEL_WORK = 1 << 16;

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private Parallel() {}

  /** A loop body over the index range {@code [from, to)}. */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to);
  }

  /**
   * Runs {@code body} over {@code [0, count)}, in one chunk per core when {@code count × workPerItem}
   * is at least {@link #MIN_PARALLEL_WORK}, else on the calling thread.
   */
  public static void forRange(int count, long workPerItem, Range body) {
    int chunks = (int) Math.min(CORES, count);
    if (chunks <= 1 || count * workPerItem < MIN_PARALLEL_WORK) {
      body.run(0, count);
      return;
    }
    IntStream.range(0, chunks)
        .parallel()
        .forEach(c -> body.run((int) ((long) count * c / chunks), (int) ((long) count * (c + 1) / chunks)));
  }
}
