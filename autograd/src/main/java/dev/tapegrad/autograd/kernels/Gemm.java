package dev.tapegrad.autograd.kernels;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Arrays;

/**
 * Row-major matrix multiply through BLAS {@code dgemm}. Transposed operands are passed as flags,
 * never copied. netlib picks the system OpenBLAS when it is installed and pure Java otherwise.
 *
 * <p>Native OpenBLAS is set to one thread when this class loads: its own workers would spin after
 * every call on the cores that tapegrad's kernels want.
 */
public final class Gemm {
  private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

  static {
    if (BLAS_INSTANCE instanceof NativeBLAS) {
      OpenBlasThreads.set(1);
    }
  }

  private Gemm() {}

  /**
   * {@code C (m,n) = op(A) · op(B)} into a new array, where {@code op(A)} is (m,k) and {@code
   * op(B)} is (k,n); {@code A} is stored (m,k), or (k,m) when {@code transA}; likewise {@code B}.
   */
  public static double[] multiply(
      double[] a, boolean transA, double[] b, boolean transB, int m, int n, int k) {
    double[] c = new double[m * n];
    multiplyInto(a, transA, b, transB, m, n, k, c, false);
    return c;
  }

  /**
   * {@code C = op(A) · op(B)}, or {@code C += op(A) · op(B)} when {@code accumulate}, into the
   * first {@code m·n} values of {@code c} (row-major); shapes as in {@link #multiply}.
   */
  public static void multiplyInto(
      double[] a, boolean transA, double[] b, boolean transB, int m, int n, int k,
      double[] c, boolean accumulate) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!accumulate) {
        Arrays.fill(c, 0, m * n, 0.0);
      }
      return;
    }
    // A row-major (r,c) matrix is a column-major (c,r) one, so C^T = op(B)^T op(A)^T column-major.
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    BLAS_INSTANCE.dgemm(
        transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, ldb, a, lda,
        accumulate ? 1.0 : 0.0, c, n);
  }

  /** Name of the BLAS implementation in use, for benchmark reports. */
  public static String implementation() {
    return BLAS_INSTANCE.getClass().getSimpleName();
  }
}
