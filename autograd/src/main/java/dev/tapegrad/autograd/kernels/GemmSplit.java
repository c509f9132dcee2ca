package dev.tapegrad.autograd.kernels;

/**
 * Which dimension of {@code C (m,n) = op(A)(m,k) · op(B)(k,n)} {@link Gemm} cuts into one part per
 * core, each part one BLAS call on its own thread.
 */
enum GemmSplit {
  /** The whole product in one call on the calling thread. */
  NONE,
  /** Blocks of rows of C (of op(A)); every part reads all of op(B). */
  ROWS,
  /** Blocks of columns of C (of op(B)); every part reads all of op(A). */
  COLUMNS,
  /** Blocks of k: every part is a whole (m,n) partial product, and the parts are summed. */
  DEPTH;

  /**
   * Below this many multiply-adds ({@code m·n·k}) a product stays on the calling thread. The {@link
   * WorkerTeam}'s spinning worker takes a part within a microsecond, so splitting pays early;
   * measured on 2 cores (2026-12-01): 100×784×50 takes 0.089 ms split against 0.157 ms on one
   * thread, and the TwoLayerNet step 0.31 ms with this threshold against 0.43 ms with 2²².
   */
  static final long MIN_SPLIT_WORK = 1L << 18;

  /**
   * A one-row product {@code x·B} (an Affine layer at batch 1) with k at least n is split over k
   * from this many values of B up, however little arithmetic it has: reading B from cache is what
   * limits it, and each core then reads half. 1×784·784×50 takes 3.4 µs split against 4.9 µs on one
   * thread, and the batch-1 inference of 10,000 images 66 ms against 80 ms (2026-12-01).
   */
  static final long MIN_SPLIT_ROW_WEIGHTS = 1L << 15;

  /**
   * The split for a product on {@code threads} cores: k for a one-row product with a large B; none
   * when it is small; else the largest dimension, rows or columns of C when one of them is at least
   * as large as k.
   */
  static GemmSplit choose(int m, int n, int k, int threads) {
    if (threads >= 2 && m == 1 && k >= n && (long) n * k >= MIN_SPLIT_ROW_WEIGHTS) {
      return DEPTH;
    }
    if (threads < 2 || (long) m * n * k < MIN_SPLIT_WORK) {
      return NONE;
    }
    if (k > Math.max(m, n)) {
      return DEPTH;
    }
    return m >= n ? ROWS : COLUMNS;
  }

  /** The length of the dimension this split cuts (1 for {@link #NONE}). */
  int extent(int m, int n, int k) {
    return switch (this) {
      case NONE -> 1;
      case ROWS -> m;
      case COLUMNS -> n;
      case DEPTH -> k;
    };
  }
}
