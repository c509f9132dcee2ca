package dev.tapegrad.autograd.kernels;

import dev.tapegrad.autograd.Shape;

/** Data movement without arithmetic: broadcasting copies and axis permutations. */
public final class Layout {
  private Layout() {}

  /**
   * Copies {@code x} of shape {@code shape} broadcast to {@code target}. Repeating whole rows (a
   * bias over a batch) and repeating each element (a reduced axis put back) are single loops.
   */
  public static double[] broadcastTo(double[] x, int[] shape, int[] target) {
    double[] out = Workspace.take(Shape.size(target));
    int[] strides = Shape.broadcastStrides(shape, target);
    int lead = leadingBroadcastSize(strides, target);
    int trail = trailingBroadcastSize(strides, target);
    if (x.length == 1) {
      java.util.Arrays.fill(out, x[0]);
    } else if (lead * x.length == out.length) {
      for (int r = 0; r < lead; r++) {
        System.arraycopy(x, 0, out, r * x.length, x.length);
      }
    } else if (trail * x.length == out.length) {
      Parallel.forRange(
          x.length,
          trail,
          (from, to) -> {
            for (int i = from; i < to; i++) {
              java.util.Arrays.fill(out, i * trail, (i + 1) * trail, x[i]);
            }
          });
    } else {
      gather(x, target, strides, out);
    }
    return out;
  }

  /** Product of the leading target dimensions along which {@code x} is broadcast (stride 0). */
  private static int leadingBroadcastSize(int[] strides, int[] target) {
    int size = 1;
    for (int i = 0; i < target.length && strides[i] == 0; i++) {
      size *= target[i];
    }
    return size;
  }

  /** Product of the trailing target dimensions along which {@code x} is broadcast (stride 0). */
  private static int trailingBroadcastSize(int[] strides, int[] target) {
    int size = 1;
    for (int i = target.length - 1; i >= 0 && strides[i] == 0; i--) {
      size *= target[i];
    }
    return size;
  }

  /**
   * Permutes the axes of {@code x}: output axis {@code i} is input axis {@code perm[i]}. A
   * permutation that swaps two blocks of axes after a batch prefix, such as NHWC ↔ NCHW ({@code (0,
   * 3, 1, 2)} and {@code (0, 2, 3, 1)}) or a matrix transpose, is a batch of cache-blocked 2-D
   * transposes.
   */
  public static double[] permute(double[] x, int[] shape, int[] perm) {
    double[] out = Workspace.take(x.length);
    int batchAxes = 0;
    while (batchAxes < perm.length && perm[batchAxes] == batchAxes) {
      batchAxes++;
    }
    int split = batchAxes < perm.length ? perm[batchAxes] : perm.length;
    if (isBlockSwap(perm, batchAxes, split)) {
      int batch = product(shape, 0, batchAxes);
      int rows = product(shape, batchAxes, split);
      int cols = product(shape, split, shape.length);
      Parallel.forRange(
          batch,
          (long) rows * cols,
          (from, to) -> {
            for (int b = from; b < to; b++) {
              transpose2d(x, b * rows * cols, rows, cols, out);
            }
          });
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

  /**
   * Whether {@code perm} after {@code start} is {@code split..r-1} followed by {@code
   * start..split-1}.
   */
  private static boolean isBlockSwap(int[] perm, int start, int split) {
    int r = perm.length;
    if (split <= start || split >= r) {
      return false;
    }
    for (int i = start; i < r; i++) {
      int expected =
          i < start + (r - split) ? split + (i - start) : start + (i - start - (r - split));
      if (perm[i] != expected) {
        return false;
      }
    }
    return true;
  }

  private static int product(int[] shape, int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= shape[i];
    }
    return p;
  }

  /** Cache-blocked transpose of the (rows, cols) matrix at {@code offset} into (cols, rows). */
  private static void transpose2d(double[] x, int offset, int rows, int cols, double[] out) {
    final int block = 32;
    for (int i0 = 0; i0 < rows; i0 += block) {
      int i1 = Math.min(rows, i0 + block);
      for (int j0 = 0; j0 < cols; j0 += block) {
        int j1 = Math.min(cols, j0 + block);
        for (int i = i0; i < i1; i++) {
          for (int j = j0; j < j1; j++) {
            out[offset + j * rows + i] = x[offset + i * cols + j];
          }
        }
      }
    }
  }
}
