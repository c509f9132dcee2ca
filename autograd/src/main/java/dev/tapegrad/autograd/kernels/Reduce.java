package dev.tapegrad.autograd.kernels;

import dev.tapegrad.autograd.Shape;

/** Reductions: sums over any set of axes, and max / argmax along one axis. */
public final class Reduce {
  private Reduce() {}

  /**
   * Sums {@code x} over the axes flagged in {@code mask}; the result is laid out in the reduced
   * shape with the reduced axes kept as size 1 (callers drop them if they wish).
   */
  public static double[] sum(double[] x, int[] shape, boolean[] mask) {
    int[] kept = Shape.reduced(shape, mask, true);
    double[] out = Workspace.zeros(Shape.size(kept));
    if (sumsLeadingAxesOnly(shape, mask)) {
      return columnSums(x, x.length / Math.max(out.length, 1), out);
    }
    int[] keptStrides = Shape.strides(kept);
    int[] writeStrides = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      writeStrides[i] = mask[i] ? 0 : keptStrides[i];
    }
    StridedLoop.forEachRun(
        shape,
        writeStrides,
        new int[shape.length],
        (xi, oi, os, unused, unusedStride, n) -> {
          if (os == 0) {
            double s = 0;
            for (int k = 0; k < n; k++) {
              s += x[xi + k];
            }
            out[oi] += s;
          } else {
            for (int k = 0; k < n; k++) {
              out[oi + k * os] += x[xi + k];
            }
          }
        });
    return out;
  }

  /**
   * Whether every summed axis (longer than 1) comes before every kept one, so the sum is the column
   * sums of an (outer, kept) matrix: how a bias gradient sums a batch.
   */
  private static boolean sumsLeadingAxesOnly(int[] shape, boolean[] mask) {
    boolean kept = false;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == 1) {
        continue;
      }
      if (!mask[i]) {
        kept = true;
      } else if (kept) {
        return false;
      }
    }
    return true;
  }

  /** Adds the {@code rows} consecutive rows of {@code x}, each as long as {@code out}, into it. */
  private static double[] columnSums(double[] x, int rows, double[] out) {
    int cols = out.length;
    for (int r = 0; r < rows; r++) {
      int row = r * cols;
      for (int c = 0; c < cols; c++) {
        out[c] += x[row + c];
      }
    }
    return out;
  }

  /**
   * Max along {@code axis}. Returns the maxima (laid out in the shape with {@code axis} removed)
   * and fills {@code argmax} (same layout) with the index of the first maximum; NaN wins, as in
   * NumPy.
   */
  public static double[] max(double[] x, int[] shape, int axis, int[] argmax) {
    int n = shape[axis];
    int outer = Shape.sizeBefore(shape, axis);
    int inner = Shape.sizeAfter(shape, axis);
    double[] out = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      int base = o * n * inner;
      for (int i = 0; i < inner; i++) {
        int best = 0;
        double m = x[base + i];
        for (int k = 1; k < n && !Double.isNaN(m); k++) {
          double v = x[base + k * inner + i];
          if (v > m || Double.isNaN(v)) {
            m = v;
            best = k;
          }
        }
        out[o * inner + i] = m;
        argmax[o * inner + i] = best;
      }
    }
    return out;
  }
}
