package dev.tapegrad.autograd.kernels;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Reusable scratch arrays for kernels, one pool per thread, keyed by length. Writing a large
 * product into a freshly allocated array costs several times more than into one that was used
 * before (cold pages), so ops that need big intermediates every step take them here and give them
 * back when no one can reach them any more. The pool keeps at most {@link #MAX_KEPT_BYTES} of idle
 * arrays per thread; anything given back beyond that is left to the garbage collector.
 *
 * <p>Only arrays that user code can never see may be given back: never an output tensor's data or
 * a gradient.
 */
public final class Workspace {
  /** Idle arrays beyond this many bytes per thread are dropped instead of kept. */
  public static final long MAX_KEPT_BYTES = 256L << 20;

  private static final ThreadLocal<Workspace> POOL = ThreadLocal.withInitial(Workspace::new);

  private final Map<Integer, ArrayDeque<double[]>> idle = new HashMap<>();
  private long keptBytes;

  private Workspace() {}

  /** An array of exactly {@code length} values with arbitrary contents, reused when possible. */
  public static double[] take(int length) {
    Workspace pool = POOL.get();
    ArrayDeque<double[]> arrays = pool.idle.get(length);
    double[] array = arrays == null ? null : arrays.pollFirst();
    if (array == null) {
      return new double[length];
    }
    pool.keptBytes -= bytes(array);
    return array;
  }

  /** Returns an array obtained from {@link #take} once its contents are no longer needed. */
  public static void give(double[] array) {
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
