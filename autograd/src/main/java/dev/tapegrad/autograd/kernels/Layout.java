package dev.tapegrad.autograd.kernels;

import dev.tapegrad.autograd.Shape;

/** Data movement without arithmetic: broadcasting copies and axis permutations. */
public final class Layout {
  private Layout() {}

  /** Copies {@code x} of shape {@code shape} broadcast to {@code target}. */
  public static double[] broadcastTo(double[] x, int[] shape, int[] target) {
    double[] out = new double[Shape.size(target)];
    if (x.length == 1) {
      java.util.Arrays.fill(out, x[0]);
    } else {
      gather(x, target, Shape.broadcastStrides(shape, target), out);
    }
    return out;
  }

  /** Permutes the axes of {@code x}: output axis {@code i} is input axis {@code perm[i]}. */
  public static double[] permute(double[] x, int[] shape, int[] perm) {
    double[] out = new double[x.length];
    if (perm.length == 2 && perm[0] == 1) {
      transpose2d(x, shape[0], shape[1], out);
      return out;
    }
    int[] inStrides = Shape.strides(shape);
    int[] outShape = new int[perm.length];
    int[] readStrides = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      outShape[i] = shape[perm[i]];
      readStrides[i] = inStrides[perm[i]];
    }
    gather(x, outShape, readStrides, out);
    return out;
  }

  /** Fills {@code out} (contiguous, shape {@code outShape}) reading {@code x} with the strides. */
  private static void gather(double[] x, int[] outShape, int[] readStrides, double[] out) {
    StridedLoop.forEachRun(
        outShape,
        readStrides,
        new int[outShape.length],
        (o, xi, xs, unused, unusedStride, n) -> {
          for (int k = 0; k < n; k++) {
            out[o + k] = x[xi + k * xs];
          }
        });
  }

  /** Cache-blocked transpose of a row-major (rows, cols) matrix into (cols, rows). */
  private static void transpose2d(double[] x, int rows, int cols, double[] out) {
    final int block = 32;
    for (int i0 = 0; i0 < rows; i0 += block) {
      int i1 = Math.min(rows, i0 + block);
      for (int j0 = 0; j0 < cols; j0 += block) {
        int j1 = Math.min(cols, j0 + block);
        for (int i = i0; i < i1; i++) {
          for (int j = j0; j < j1; j++) {
            out[j * rows + i] = x[i * cols + j];
          }
        }
      }
    }
  }
}
