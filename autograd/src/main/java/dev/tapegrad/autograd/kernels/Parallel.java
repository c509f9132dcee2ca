package dev.tapegrad.autograd.kernels;

import java.util.function.IntConsumer;

/**
 * Splits a kernel's outer loop across the machine's cores when the work is large enough to pay for
 * it; small work runs on the calling thread. The split is into contiguous chunks (one per core), so
 * each chunk is a plain loop over {@code double[]}.
 *
 * <p>The number of cores used is the system property {@code tapegrad.threads} (default: every
 * available processor); {@code -Dtapegrad.threads=1} runs every kernel and product sequentially. It
 * must be a whole number from 1 to four times the available processors; any other value makes the
 * methods here throw an {@link IllegalArgumentException} that says so (never an {@link
 * ExceptionInInitializerError}).
 */
public final class Parallel {
  /** Below this many elements of work a kernel stays on one thread. */
  public static final int MIN_PARALLEL_WORK = 1 << 16;

  /** The system property that sets how many cores the kernels use. */
  public static final String THREADS_PROPERTY = "tapegrad.threads";

  /**
   * At most this many threads per available processor: more only adds switching (and 100,000 ran
   * out of native threads).
   */
  static final int THREADS_PER_PROCESSOR = 4;

  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  private static final String THREADS_SETTING = System.getProperty(THREADS_PROPERTY);

  /** The thread count, or 0 when {@link #THREADS_SETTING} is not a valid one. */
  private static final int THREADS = parseThreads(THREADS_SETTING, PROCESSORS);

  private static final WorkerTeam TEAM = new WorkerTeam(Math.max(1, THREADS));

  private Parallel() {}

  /** A loop body over the index range {@code [from, to)}. */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to);
  }

  /**
   * How many cores tapegrad's kernels split their work across ({@code tapegrad.threads}).
   *
   * @throws IllegalArgumentException if {@code tapegrad.threads} is not a whole number from 1 to
   *     four times the available processors
   */
  public static int threads() {
    requireValidThreads();
    return THREADS;
  }

  /**
   * The thread count {@code setting} asks for on a machine with {@code processors} cores: all of
   * them when it is null, else its value if it is a whole number from 1 to {@code
   * THREADS_PER_PROCESSOR × processors}, else 0.
   */
  static int parseThreads(String setting, int processors) {
    if (setting == null) {
      return processors;
    }
    try {
      int threads = Integer.parseInt(setting.strip());
      return threads >= 1 && threads <= THREADS_PER_PROCESSOR * processors ? threads : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void requireValidThreads() {
    if (THREADS == 0) {
      throw new IllegalArgumentException(invalidThreadsMessage(THREADS_SETTING, PROCESSORS));
    }
  }

  /** Why {@code setting} is not a valid {@code tapegrad.threads}. */
  static String invalidThreadsMessage(String setting, int processors) {
    return "-D"
        + THREADS_PROPERTY
        + " must be a whole number from 1 to "
        + THREADS_PER_PROCESSOR * processors
        + " ("
        + THREADS_PER_PROCESSOR
        + " x the "
        + processors
        + " available processors), got '"
        + setting
        + "'";
  }

  /**
   * Runs {@code body} over {@code [0, count)}, in one chunk per core when {@code count ×
   * workPerItem} is at least {@link #MIN_PARALLEL_WORK}, else on the calling thread.
   */
  public static void forRange(int count, long workPerItem, Range body) {
    requireValidThreads();
    int chunks = Math.min(THREADS, count);
    if (chunks <= 1 || count * workPerItem < MIN_PARALLEL_WORK) {
      body.run(0, count);
      return;
    }
    forEachPart(
        chunks, c -> body.run(partStart(count, c, chunks), partStart(count, c + 1, chunks)));
  }

  /**
   * Runs {@code part} for every index in {@code [0, parts)}, concurrently on tapegrad's {@link
   * WorkerTeam} when there is more than one, and returns when all have finished.
   */
  public static void forEachPart(int parts, IntConsumer part) {
    requireValidThreads();
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
