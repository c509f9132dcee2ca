package dev.tapegrad.autograd.kernels;

/**
 * Elementwise binary arithmetic with NumPy broadcasting. Each constant owns a tight loop over one
 * strided run; {@link #apply} drives it over the broadcast shape, with direct loops for equal
 * shapes, a scalar operand and a row repeated down a matrix (a bias added to every sample).
 */
public enum BinaryOp {
  ADD {
    @Override
    void run(double[] a, int ai, int as, double[] b, int bi, int bs, double[] out, int oi, int n) {
      for (int k = 0; k < n; k++) {
        out[oi + k] = a[ai + k * as] + b[bi + k * bs];
      }
    }
  },
  SUB {
    @Override
    void run(double[] a, int ai, int as, double[] b, int bi, int bs, double[] out, int oi, int n) {
      for (int k = 0; k < n; k++) {
        out[oi + k] = a[ai + k * as] - b[bi + k * bs];
      }
    }
  },
  MUL {
    @Override
    void run(double[] a, int ai, int as, double[] b, int bi, int bs, double[] out, int oi, int n) {
      for (int k = 0; k < n; k++) {
        out[oi + k] = a[ai + k * as] * b[bi + k * bs];
      }
    }
  },
  DIV {
    @Override
    void run(double[] a, int ai, int as, double[] b, int bi, int bs, double[] out, int oi, int n) {
      for (int k = 0; k < n; k++) {
        out[oi + k] = a[ai + k * as] / b[bi + k * bs];
      }
    }
  },
  /**
   * {@code a · [b > 0]}: {@code a} where {@code b} is positive, else {@code a · 0} (so 0, or NaN
   * where {@code a} is NaN or infinite); a NaN {@code b} counts as not positive. The mask is an int
   * select, which compiles without a branch, so random signs cost nothing extra.
   */
  PASS_WHERE_POSITIVE {
    @Override
    void run(double[] a, int ai, int as, double[] b, int bi, int bs, double[] out, int oi, int n) {
      for (int k = 0; k < n; k++) {
        int positive = b[bi + k * bs] > 0 ? 1 : 0;
        out[oi + k] = a[ai + k * as] * positive;
      }
    }
  };

  abstract void run(
      double[] a, int ai, int as, double[] b, int bi, int bs, double[] out, int oi, int n);

  /**
   * Computes {@code a op b} into a new array of the (already checked) broadcast shape {@code
   * outShape}.
   */
  public double[] apply(double[] a, int[] aShape, double[] b, int[] bShape, int[] outShape) {
    return Loops.zip(a, aShape, b, bShape, outShape, this::run);
  }
}
