package dev.tapegrad.autograd.kernels;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reusable arrays, one pool per thread, keyed by length. Writing into a freshly allocated large
 * array costs several times more than into one that was used before (cold pages), so kernels
 * allocate their large results and scratch buffers here, and arrays come back when no one can reach
 * them any more: scratch buffers when their op is done with them, tensor values when a tape opened
 * with {@code Tape.record().recycling()} closes. The pool keeps at most {@link #MAX_KEPT_BYTES} of
 * idle arrays per thread; anything given back beyond that is left to the garbage collector, and so
 * are arrays shorter than {@link #MIN_POOLED_LENGTH} (a small new array is cheap).
 *
 * <p>Only arrays that user code can no longer reach may be given back.
 */
public final class Workspace {
  /**
   * Idle arrays beyond this many bytes per thread are dropped instead of kept: 768 MB, or a quarter
   * of the maximum heap if that is less. A DeepConvNet step on a batch of 100 keeps 596 MB of large
   * arrays in use (its convolutions' columns alone are 211 MB); under a 256 MB cap it ran 190 ms a
   * step instead of 154 ms.
   */
  public static final long MAX_KEPT_BYTES =
      Math.min(768L << 20, Runtime.getRuntime().maxMemory() / 4);

  /**
   * Arrays shorter than this (32 KB of doubles) are always new and never kept. Pooling from here up
   * made an MLP step with Adam 10% faster than pooling from 32,768 values.
   */
  public static final int MIN_POOLED_LENGTH = 4_096;

  private static final ThreadLocal<Workspace> POOL = ThreadLocal.withInitial(Workspace::new);

  private final Map<Integer, ArrayDeque<double[]>> idle = new HashMap<>();
  private long keptBytes;

  private Workspace() {}

  /**
   * An array of exactly {@code length} values with arbitrary contents (old numbers, NaN), reused
   * when possible: for scratch buffers, and for results of kernels that write every element before
   * anyone reads one (a zeroing pass over a warm 13.8 MB array costs about 0.5 ms here).
   */
  public static double[] take(int length) {
    if (length < MIN_POOLED_LENGTH) {
      return new double[length];
    }
    Workspace pool = POOL.get();
    ArrayDeque<double[]> arrays = pool.idle.get(length);
    double[] array = arrays == null ? null : arrays.pollFirst();
    if (array == null) {
      return new double[length];
    }
    pool.keptBytes -= bytes(array);
    return array;
  }

  /**
   * An array of {@code length} zeros, reused when possible: for results that a kernel adds into or
   * fills only in part (a scattered gradient, a sum).
   */
  public static double[] zeros(int length) {
    if (length < MIN_POOLED_LENGTH) {
      return new double[length];
    }
    double[] array = take(length);
    Arrays.fill(array, 0.0);
    return array;
  }

  /**
   * Hands back an array whose contents are no longer needed and that nothing else references; a
   * later {@link #take} or {@link #zeros} of the same length on this thread may return it.
   */
  public static void give(double[] array) {
    if (array.length < MIN_POOLED_LENGTH) {
      return;
    }
    Workspace pool = POOL.get();
    if (pool.keptBytes + bytes(array) > MAX_KEPT_BYTES) {
      return;
    }
    ArrayDeque<double[]> arrays = pool.idle.computeIfAbsent(array.length, k -> new ArrayDeque<>());
    for (double[] kept : arrays) {
      if (kept == array) {
        throw new IllegalStateException("workspace: an array was given back twice");
      }
    }
    arrays.addFirst(array);
    pool.keptBytes += bytes(array);
  }

  /** Bytes of idle arrays this thread's pool holds now. */
  public static long keptBytes() {
    return POOL.get().keptBytes;
  }

  private static long bytes(double[] array) {
    return (long) array.length * Double.BYTES;
  }
}
