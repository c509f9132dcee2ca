package dev.tapegrad.autograd.kernels;

import dev.tapegrad.autograd.Shape;

/**
 * Elementwise binary arithmetic with NumPy broadcasting. Each constant owns a tight loop over one
 * strided run; {@link #apply} drives it over the broadcast shape.
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
  };

  abstract void run(
      double[] a, int ai, int as, double[] b, int bi, int bs, double[] out, int oi, int n);

  /**
   * Computes {@code a op b} into a new array of the (already checked) broadcast shape {@code
   * outShape}.
   */
  public double[] apply(double[] a, int[] aShape, double[] b, int[] bShape, int[] outShape) {
    double[] out = new double[Shape.size(outShape)];
    int n = out.length;
    if (a.length == n && (b.length == n || b.length == 1)) {
      int bs = b.length == n ? 1 : 0;
      Parallel.forRange(n, 1, (from, to) -> run(a, from, 1, b, from * bs, bs, out, from, to - from));
    } else if (a.length == 1 && b.length == n) {
      Parallel.forRange(n, 1, (from, to) -> run(a, 0, 0, b, from, 1, out, from, to - from));
    } else {
      StridedLoop.forEachRun(
          outShape,
          Shape.broadcastStrides(aShape, outShape),
          Shape.broadcastStrides(bShape, outShape),
          (o, ai, as, bi, bs, len) -> run(a, ai, as, b, bi, bs, out, o, len));
    }
    return out;
  }
}
