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
   * Below this many multiply-adds ({@code m·n·k}) a product stays on the calling thread. Measured
   * on 2 cores: waking the second thread costs 30–70 µs, so a split pays from about 4 million
   * (100×784×50 is break-even; 100×784×100 takes 0.78 of the sequential time, 100×4320×100 0.57).
   */
  static final long MIN_SPLIT_WORK = 1L << 22;

  /**
   * The split for a product on {@code threads} cores: none when it is small, else the largest
   * dimension, rows or columns of C when one of them is at least as large as k.
   */
  static GemmSplit choose(int m, int n, int k, int threads) {
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
