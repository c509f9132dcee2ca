package dev.tapegrad.autograd.kernels;

import java.util.Arrays;

/**
 * Max pooling over (N,C,H,W) in one pass: each window's maximum and the flat input index it came
 * from (first maximum in row-major window order; {@code -1} when a zero of the padding wins, as the
 * book's zero-padded im2col gives), and the gradient routed back to those positions. Planes are
 * split across cores.
 */
public final class MaxPool {
  private MaxPool() {}

  /** Returns the pooled (n,c,oh,ow) values and fills {@code argmax} (same length). */
  public static double[] forward(
      double[] x, int n, int c, int h, int w, int ph, int pw, int stride, int pad, int[] argmax) {
    int oh = Im2col.outSize(h, ph, stride, pad);
    int ow = Im2col.outSize(w, pw, stride, pad);
    double[] out = Workspace.take(n * c * oh * ow);
    Parallel.forRange(
        n * c,
        (long) oh * ow * ph * pw,
        (firstPlane, lastPlane) -> {
          for (int plane = firstPlane; plane < lastPlane; plane++) {
            int in = plane * h * w;
            int o = plane * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
              for (int ox = 0; ox < ow; ox++, o++) {
                int start = in + oy * stride * w + ox * stride;
                if (pad == 0
                    && (ph == 2 && pw == 2
                        ? window2x2(x, start, w, out, argmax, o)
                        : windowMax(x, start, w, ph, pw, out, argmax, o))) {
                  continue;
                }
                double best = 0;
                int at = -1;
                boolean first = true;
                for (int ky = 0; ky < ph; ky++) {
                  int y = oy * stride - pad + ky;
                  for (int kx = 0; kx < pw; kx++) {
                    int xx = ox * stride - pad + kx;
                    boolean inside = y >= 0 && y < h && xx >= 0 && xx < w;
                    double v = inside ? x[in + y * w + xx] : 0.0;
                    if (first || v > best || (Double.isNaN(v) && !Double.isNaN(best))) {
                      best = v;
                      at = inside ? in + y * w + xx : -1;
                      first = false;
                    }
                  }
                }
                out[o] = best;
                argmax[o] = at;
              }
            }
          }
        });
    return out;
  }

  /**
   * The gradient of {@link #forward}: a (n,c,h,w) array of zeros with each window's gradient {@code
   * gy[o]} added at its input position {@code argmax[o]} (nothing for {@code -1}). The positions
   * come from {@link #forward}, so they are trusted: every window of a plane points into that
   * plane, which lets planes be split across cores without two threads writing one value.
   */
  public static double[] backward(double[] gy, int[] argmax, int planes, int planeSize) {
    double[] gx = Workspace.take(planes * planeSize);
    int windows = planes == 0 ? 0 : gy.length / planes;
    Parallel.forRange(
        planes,
        planeSize,
        (firstPlane, lastPlane) -> {
          Arrays.fill(gx, firstPlane * planeSize, lastPlane * planeSize, 0.0);
          for (int o = firstPlane * windows; o < lastPlane * windows; o++) {
            int at = argmax[o];
            if (at >= 0) {
              gx[at] += gy[o];
            }
          }
        });
    return gx;
  }

  /**
   * The book's case, a 2×2 window wholly inside the image, with no branch on the values (random
   * values would mispredict one compare in two): each compare gives 0 or 1, and the winner's bits
   * and index are picked with masks. Ties go to the first in row-major order, as in the general
   * loop. Returns false for a window with a NaN (or with infinities of both signs), which the
   * general loop decides.
   */
  private static boolean window2x2(
      double[] x, int start, int w, double[] out, int[] argmax, int o) {
    double a = x[start];
    double b = x[start + 1];
    double c = x[start + w];
    double d = x[start + w + 1];
    if (Double.isNaN(a + b + c + d)) {
      return false;
    }
    int topRight = b > a ? 1 : 0;
    int bottomRight = d > c ? 1 : 0;
    long top = select(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b), topRight);
    long bottom = select(Double.doubleToRawLongBits(c), Double.doubleToRawLongBits(d), bottomRight);
    int lower = Double.longBitsToDouble(bottom) > Double.longBitsToDouble(top) ? 1 : 0;
    out[o] = Double.longBitsToDouble(select(top, bottom, lower));
    argmax[o] = start + lower * w + (topRight ^ ((topRight ^ bottomRight) & -lower));
    return true;
  }

  /** {@code second} when {@code pick} is 1, {@code first} when it is 0, without a branch. */
  private static long select(long first, long second, int pick) {
    return first ^ ((first ^ second) & -(long) pick);
  }

  /**
   * The common case, a window wholly inside the image: a branch-light scan from its top-left
   * element {@code start}. Returns false (and leaves the window to the general loop) if it holds a
   * NaN, whose first occurrence must win.
   */
  private static boolean windowMax(
      double[] x, int start, int w, int ph, int pw, double[] out, int[] argmax, int o) {
    double best = x[start];
    int at = start;
    boolean nan = best != best;
    for (int ky = 0; ky < ph; ky++) {
      int row = start + ky * w;
      for (int kx = 0; kx < pw; kx++) {
        double v = x[row + kx];
        nan |= v != v;
        if (v > best) {
          best = v;
          at = row + kx;
        }
      }
    }
    if (nan) {
      return false;
    }
    out[o] = best;
    argmax[o] = at;
    return true;
  }
}
