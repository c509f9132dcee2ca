package dev.tapegrad.autograd.kernels;

import java.util.function.IntConsumer;

/**
 * Splits a kernel's outer loop across the machine's cores when the work is large enough to pay for
 * it; small work runs on the calling thread. The split is into contiguous chunks (one per core),
 * so each chunk is a plain loop over {@code double[]}.
 *
 * <p>The number of cores used is the system property {@code tapegrad.threads} (default: every
 * available processor); {@code -Dtapegrad.threads=1} runs every kernel and product sequentially.
 */
public final class Parallel {
  /** Below this many elements of work a kernel stays on one thread. */
  public static final int MIN_PARALLEL_WORK = 1 << 16;

  private static final int THREADS =
      Math.max(1, Integer.getInteger("tapegrad.threads", Runtime.getRuntime().availableProcessors()));

  private static final WorkerTeam TEAM = new WorkerTeam(THREADS);

  private Parallel() {}

  /** A loop body over the index range {@code [from, to)}. */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to);
  }

  /** How many cores tapegrad's kernels split their work across ({@code tapegrad.threads}). */
  public static int threads() {
    return THREADS;
  }

  /**
   * Runs {@code body} over {@code [0, count)}, in one chunk per core when {@code count × workPerItem}
   * is at least {@link #MIN_PARALLEL_WORK}, else on the calling thread.
   */
  public static void forRange(int count, long workPerItem, Range body) {
    int chunks = Math.min(THREADS, count);
    if (chunks <= 1 || count * workPerItem < MIN_PARALLEL_WORK) {
      body.run(0, count);
      return;
    }
    forEachPart(chunks, c -> body.run(partStart(count, c, chunks), partStart(count, c + 1, chunks)));
  }

  /**
   * Runs {@code part} for every index in {@code [0, parts)}, concurrently on tapegrad's {@link
   * WorkerTeam} when there is more than one, and returns when all have finished.
   */
  public static void forEachPart(int parts, IntConsumer part) {
    TEAM.run(parts, part);
  }

  /**
   * Where part {@code part} of {@code [0, count)} cut into {@code parts} contiguous, nearly equal
   * parts begins; part {@code parts} begins at {@code count}.
   */
  public static int partStart(int count, int part, int parts) {
    return (int) ((long) count * part / parts);
  }
}
