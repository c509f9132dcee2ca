package dev.tapegrad.autograd.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y (1,n) = x (1,k) · W (k,n)}: one image through an Affine layer, as a SIMD loop in Java.
 * {@link Gemm} uses it for one-row blocks when {@link Simd#ENABLED}: it reads W at the rate a BLAS
 * call does, and saves the call's fixed JNI cost (about 0.4 µs, as much as the whole arithmetic of
 * 1×100·100×10).
 *
 * <p>Each accumulation chain is independent of the others, so the loop runs at the rate of the
 * multiply-adds rather than at their latency: columns go in blocks of four vectors with one
 * accumulator each; a remaining vector, and each remaining column, sums four interleaved parts of
 * k. Every vector stays inside the loop that makes it: no method here takes or returns one, so the
 * JIT never has to box a vector whatever it decides to inline (a helper returning vectors made the
 * loop ten times slower once other code had shaped the inlining).
 */
final class RowTimesMatrix {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private RowTimesMatrix() {}

  /**
   * {@code y[yOffset..+n) = x[xOffset..+k) · W}, or {@code +=} when {@code accumulate}, where W
   * (k,n) is row-major in {@code w} from {@code wOffset} with rows {@code rowStride} apart.
   */
  static void multiply(
      double[] x,
      int xOffset,
      double[] w,
      int wOffset,
      int rowStride,
      int k,
      int n,
      double[] y,
      int yOffset,
      boolean accumulate) {
    int j = 0;
    for (; j + 4 * LANES <= n; j += 4 * LANES) {
      fourVectors(x, xOffset, w, wOffset + j, rowStride, k, y, yOffset + j, accumulate);
    }
    for (; j + LANES <= n; j += LANES) {
      oneVector(x, xOffset, w, wOffset + j, rowStride, k, y, yOffset + j, accumulate);
    }
    for (; j < n; j++) {
      oneColumn(x, xOffset, w, wOffset + j, rowStride, k, y, yOffset + j, accumulate);
    }
  }

  /** Columns {@code w[at..at+4·LANES)} of every row into {@code y[out..out+4·LANES)}. */
  private static void fourVectors(
      double[] x,
      int xOffset,
      double[] w,
      int at,
      int rowStride,
      int k,
      double[] y,
      int out,
      boolean accumulate) {
    DoubleVector a0 = DoubleVector.zero(SPECIES);
    DoubleVector a1 = DoubleVector.zero(SPECIES);
    DoubleVector a2 = DoubleVector.zero(SPECIES);
    DoubleVector a3 = DoubleVector.zero(SPECIES);
    for (int p = 0, row = at; p < k; p++, row += rowStride) {
      DoubleVector xp = DoubleVector.broadcast(SPECIES, x[xOffset + p]);
      a0 = xp.fma(DoubleVector.fromArray(SPECIES, w, row), a0);
      a1 = xp.fma(DoubleVector.fromArray(SPECIES, w, row + LANES), a1);
      a2 = xp.fma(DoubleVector.fromArray(SPECIES, w, row + 2 * LANES), a2);
      a3 = xp.fma(DoubleVector.fromArray(SPECIES, w, row + 3 * LANES), a3);
    }
    if (accumulate) {
      a0 = a0.add(DoubleVector.fromArray(SPECIES, y, out));
      a1 = a1.add(DoubleVector.fromArray(SPECIES, y, out + LANES));
      a2 = a2.add(DoubleVector.fromArray(SPECIES, y, out + 2 * LANES));
      a3 = a3.add(DoubleVector.fromArray(SPECIES, y, out + 3 * LANES));
    }
    a0.intoArray(y, out);
    a1.intoArray(y, out + LANES);
    a2.intoArray(y, out + 2 * LANES);
    a3.intoArray(y, out + 3 * LANES);
  }

  /** Columns {@code w[at..at+LANES)} of every row into {@code y[out..out+LANES)}. */
  private static void oneVector(
      double[] x,
      int xOffset,
      double[] w,
      int at,
      int rowStride,
      int k,
      double[] y,
      int out,
      boolean accumulate) {
    DoubleVector a0 = DoubleVector.zero(SPECIES);
    DoubleVector a1 = DoubleVector.zero(SPECIES);
    DoubleVector a2 = DoubleVector.zero(SPECIES);
    DoubleVector a3 = DoubleVector.zero(SPECIES);
    int p = 0;
    for (int row = at; p + 4 <= k; p += 4, row += 4 * rowStride) {
      a0 =
          DoubleVector.broadcast(SPECIES, x[xOffset + p])
              .fma(DoubleVector.fromArray(SPECIES, w, row), a0);
      a1 =
          DoubleVector.broadcast(SPECIES, x[xOffset + p + 1])
              .fma(DoubleVector.fromArray(SPECIES, w, row + rowStride), a1);
      a2 =
          DoubleVector.broadcast(SPECIES, x[xOffset + p + 2])
              .fma(DoubleVector.fromArray(SPECIES, w, row + 2 * rowStride), a2);
      a3 =
          DoubleVector.broadcast(SPECIES, x[xOffset + p + 3])
              .fma(DoubleVector.fromArray(SPECIES, w, row + 3 * rowStride), a3);
    }
    for (; p < k; p++) {
      a0 =
          DoubleVector.broadcast(SPECIES, x[xOffset + p])
              .fma(DoubleVector.fromArray(SPECIES, w, at + p * rowStride), a0);
    }
    DoubleVector sum = a0.add(a1).add(a2.add(a3));
    if (accumulate) {
      sum = sum.add(DoubleVector.fromArray(SPECIES, y, out));
    }
    sum.intoArray(y, out);
  }

  /** Column {@code at} of every row into {@code y[out]}. */
  private static void oneColumn(
      double[] x,
      int xOffset,
      double[] w,
      int at,
      int rowStride,
      int k,
      double[] y,
      int out,
      boolean accumulate) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int p = 0;
    for (; p + 4 <= k; p += 4, at += 4 * rowStride) {
      s0 = Math.fma(x[xOffset + p], w[at], s0);
      s1 = Math.fma(x[xOffset + p + 1], w[at + rowStride], s1);
      s2 = Math.fma(x[xOffset + p + 2], w[at + 2 * rowStride], s2);
      s3 = Math.fma(x[xOffset + p + 3], w[at + 3 * rowStride], s3);
    }
    for (; p < k; p++, at += rowStride) {
      s0 = Math.fma(x[xOffset + p], w[at], s0);
    }
    double sum = (s0 + s1) + (s2 + s3);
    y[out] = accumulate ? y[out] + sum : sum;
  }
}
