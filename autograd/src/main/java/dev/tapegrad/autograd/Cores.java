package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernels.Parallel;

/**
 * The cores tapegrad splits large work across ({@code -Dtapegrad.threads}, default: every available
 * processor), for code outside the engine that wants the same split, such as an optimizer updating
 * a large parameter. Small work stays on the calling thread.
 */
public final class Cores {
  private Cores() {}

  /** A loop body over the index range {@code [from, to)}. */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to);
  }

  /**
   * How many cores work is split across.
   *
   * @throws IllegalArgumentException if {@code -Dtapegrad.threads} is not a whole number from 1 to
   *     4 × the available processors (the message names the property)
   */
  public static int count() {
    return Parallel.threads();
  }

  /**
   * Runs {@code body} over {@code [0, count)}: in one contiguous part per core when the range is
   * large, else on the calling thread. Parts may run at the same time, so {@code body} must only
   * write what its own range owns.
   */
  public static void forRange(int count, Range body) {
    Parallel.forRange(count, 1, body::run);
  }
}
