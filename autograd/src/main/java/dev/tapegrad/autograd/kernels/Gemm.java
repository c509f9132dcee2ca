package dev.tapegrad.autograd.kernels;

import java.util.Arrays;

/**
 * Row-major matrix multiply through BLAS {@code dgemm}. Transposed operands are passed as flags,
 * never copied. {@link Blas} says which library: native OpenBLAS (the system's or the bundled one)
 * or netlib's pure Java.
 *
 * <p>A one-row block ({@code x·W}, an image through an Affine layer) runs in Java as {@link
 * RowTimesMatrix} when SIMD is available, which saves the JNI call. A large product is cut into one
 * part per core ({@link Parallel#threads()}), each a single-threaded BLAS call on a submatrix (see
 * {@link GemmSplit}); native OpenBLAS therefore runs on one thread.
 */
public final class Gemm {
  private Gemm() {}

  /**
   * {@code C (m,n) = op(A) · op(B)} into a new array, where {@code op(A)} is (m,k) and {@code
   * op(B)} is (k,n); {@code A} is stored (m,k), or (k,m) when {@code transA}; likewise {@code B}.
   */
  public static double[] multiply(
      double[] a, boolean transA, double[] b, boolean transB, int m, int n, int k) {
    double[] c = Workspace.take(m * n);
    multiplyInto(a, transA, b, transB, m, n, k, c, false);
    return c;
  }

  /**
   * {@code C = op(A) · op(B)}, or {@code C += op(A) · op(B)} when {@code accumulate}, into the
   * first {@code m·n} values of {@code c} (row-major); shapes as in {@link #multiply}. Large
   * products use every core.
   */
  public static void multiplyInto(
      double[] a,
      boolean transA,
      double[] b,
      boolean transB,
      int m,
      int n,
      int k,
      double[] c,
      boolean accumulate) {
    multiplyInto(a, 0, transA, b, transB, m, n, k, c, accumulate);
  }

  /**
   * {@link #multiplyInto(double[], boolean, double[], boolean, int, int, int, double[], boolean)}
   * with A's first value at {@code a[aOffset]}: for a matrix that is a range of rows of a larger
   * array (a {@code Tensor.slice}).
   */
  public static void multiplyInto(
      double[] a,
      int aOffset,
      boolean transA,
      double[] b,
      boolean transB,
      int m,
      int n,
      int k,
      double[] c,
      boolean accumulate) {
    int threads = Parallel.threads();
    GemmSplit split = GemmSplit.choose(m, n, k, threads);
    int parts = Math.min(threads, split.extent(m, n, k));
    multiplyInto(split, parts, a, aOffset, transA, b, transB, m, n, k, c, accumulate);
  }

  /**
   * {@link #multiplyInto(double[], int, boolean, double[], boolean, int, int, int, double[],
   * boolean)} with the split and the number of concurrent parts given, so that tests can force each
   * split.
   */
  static void multiplyInto(
      GemmSplit split,
      int parts,
      double[] a,
      int aOffset,
      boolean transA,
      double[] b,
      boolean transB,
      int m,
      int n,
      int k,
      double[] c,
      boolean accumulate) {
    Product product = new Product(a, aOffset, transA, b, transB, m, n, k);
    double beta = accumulate ? 1.0 : 0.0;
    int extent = split.extent(m, n, k);
    switch (split) {
      case NONE -> product.block(0, m, 0, n, 0, k, c, 0, beta);
      case ROWS, COLUMNS ->
          Parallel.forEachPart(
              parts,
              part -> {
                int from = Parallel.partStart(extent, part, parts);
                int size = Parallel.partStart(extent, part + 1, parts) - from;
                if (split == GemmSplit.ROWS) {
                  product.block(from, size, 0, n, 0, k, c, from * n, beta);
                } else {
                  product.block(0, m, from, size, 0, k, c, from, beta);
                }
              });
      case DEPTH -> sumOfDepthParts(product, parts, c, beta);
    }
  }

  /** Name of the BLAS implementation in use, for benchmark reports. */
  public static String implementation() {
    return Blas.instance().getClass().getSimpleName();
  }

  /**
   * Part 0 of k goes straight into {@code c}; the others into partial products of their own, added
   * to {@code c} in part order afterwards, so the result does not depend on scheduling.
   */
  private static void sumOfDepthParts(Product product, int parts, double[] c, double beta) {
    int size = product.m * product.n;
    double[][] partials = new double[parts][];
    for (int part = 1; part < parts; part++) {
      partials[part] = Workspace.take(size); // on this thread, whose pool gets them back below
    }
    Parallel.forEachPart(
        parts,
        part -> {
          int from = Parallel.partStart(product.k, part, parts);
          int depth = Parallel.partStart(product.k, part + 1, parts) - from;
          double[] out = part == 0 ? c : partials[part];
          product.block(0, product.m, 0, product.n, from, depth, out, 0, part == 0 ? beta : 0.0);
        });
    for (int part = 1; part < parts; part++) {
      double[] partial = partials[part];
      for (int i = 0; i < size; i++) {
        c[i] += partial[i];
      }
      Workspace.give(partial);
    }
  }

  /**
   * The operands of one product {@code op(A)(m,k) · op(B)(k,n)}, stored row-major, A from index
   * {@code aBase}.
   */
  private record Product(
      double[] a, int aBase, boolean transA, double[] b, boolean transB, int m, int n, int k) {

    /**
     * {@code out[rows, cols] = op(A)[rows, depth] · op(B)[depth, cols] + beta · out}, for the
     * submatrix at {@code (row, col)} of C and the depth range at {@code from}; {@code out} is
     * row-major with row length n, its first element at {@code outOffset}.
     */
    void block(
        int row,
        int rows,
        int col,
        int cols,
        int from,
        int depth,
        double[] out,
        int outOffset,
        double beta) {
      if (rows == 0 || cols == 0) {
        return;
      }
      if (depth == 0) {
        if (beta == 0.0) {
          for (int i = 0; i < rows; i++) {
            Arrays.fill(out, outOffset + i * n, outOffset + i * n + cols, 0.0);
          }
        }
        return;
      }
      // A row-major (r,c) matrix is a column-major (c,r) one, so C^T = op(B)^T op(A)^T
      // column-major.
      int aOffset = aBase + (transA ? from * m + row : row * k + from);
      int bOffset = transB ? col * k + from : from * n + col;
      if (rows == 1 && !transA && !transB && Simd.ENABLED) {
        RowTimesMatrix.multiply(a, aOffset, b, bOffset, n, depth, cols, out, outOffset, beta != 0);
        return;
      }
      Blas.instance()
          .dgemm(
              transB ? "T" : "N",
              transA ? "T" : "N",
              cols,
              rows,
              depth,
              1.0,
              b,
              bOffset,
              transB ? k : n,
              a,
              aOffset,
              transA ? m : k,
              beta,
              out,
              outOffset,
              n);
    }
  }
}
