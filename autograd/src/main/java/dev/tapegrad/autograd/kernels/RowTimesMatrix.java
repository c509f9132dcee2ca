package dev.tapegrad.autograd.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y (1,n) = x (1,k) · W (k,n)}: one image through an Affine layer, as a SIMD loop in Java.
 * {@link Gemm} uses it for one-row blocks when {@link Simd#ENABLED}: it reads W at the rate a BLAS
 * call does, and saves the call's fixed JNI cost (about 0.4 µs, as much as the whole arithmetic
 * of 1×100·100×10).
 *
 * <p>Each accumulation chain is independent of the others, so the loop runs at the rate of the
 * multiply-adds rather than at their latency: columns go in blocks of four vectors with one
 * accumulator each; a remaining vector, and each remaining column, sums four interleaved parts
 * of k.
 */
final class RowTimesMatrix {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private RowTimesMatrix() {}

  /**
   * {@code y[yOffset..+n) = x[xOffset..+k) · W}, or {@code +=} when {@code accumulate}, where W
   * (k,n) is row-major in {@code w} from {@code wOffset} with rows {@code rowStride} apart.
   */
  static void multiply(double[] x, int xOffset, double[] w, int wOffset, int rowStride, int k,
      int n, double[] y, int yOffset, boolean accumulate) {
    Operands o = new Operands(x, xOffset, w, wOffset, rowStride, k, y, yOffset, accumulate);
    int j = 0;
    for (; j + 4 * LANES <= n; j += 4 * LANES) {
      fourVectors(o, j);
    }
    for (; j + LANES <= n; j += LANES) {
      oneVector(o, j);
    }
    for (; j < n; j++) {
      oneColumn(o, j);
    }
  }

  /** One product's arrays, offsets and sizes. */
  private record Operands(double[] x, int xOffset, double[] w, int wOffset, int rowStride, int k,
      double[] y, int yOffset, boolean accumulate) {

    DoubleVector start(int j) {
      return accumulate
          ? DoubleVector.fromArray(SPECIES, y, yOffset + j)
          : DoubleVector.zero(SPECIES);
    }

    DoubleVector x(int p) {
      return DoubleVector.broadcast(SPECIES, x[xOffset + p]);
    }

    DoubleVector w(int p, int j) {
      return DoubleVector.fromArray(SPECIES, w, wOffset + p * rowStride + j);
    }
  }

  private static void fourVectors(Operands o, int j) {
    DoubleVector a0 = o.start(j);
    DoubleVector a1 = o.start(j + LANES);
    DoubleVector a2 = o.start(j + 2 * LANES);
    DoubleVector a3 = o.start(j + 3 * LANES);
    for (int p = 0; p < o.k; p++) {
      DoubleVector xp = o.x(p);
      a0 = xp.fma(o.w(p, j), a0);
      a1 = xp.fma(o.w(p, j + LANES), a1);
      a2 = xp.fma(o.w(p, j + 2 * LANES), a2);
      a3 = xp.fma(o.w(p, j + 3 * LANES), a3);
    }
    a0.intoArray(o.y, o.yOffset + j);
    a1.intoArray(o.y, o.yOffset + j + LANES);
    a2.intoArray(o.y, o.yOffset + j + 2 * LANES);
    a3.intoArray(o.y, o.yOffset + j + 3 * LANES);
  }

  private static void oneVector(Operands o, int j) {
    DoubleVector a0 = o.start(j);
    DoubleVector a1 = DoubleVector.zero(SPECIES);
    DoubleVector a2 = DoubleVector.zero(SPECIES);
    DoubleVector a3 = DoubleVector.zero(SPECIES);
    int p = 0;
    for (; p + 4 <= o.k; p += 4) {
      a0 = o.x(p).fma(o.w(p, j), a0);
      a1 = o.x(p + 1).fma(o.w(p + 1, j), a1);
      a2 = o.x(p + 2).fma(o.w(p + 2, j), a2);
      a3 = o.x(p + 3).fma(o.w(p + 3, j), a3);
    }
    for (; p < o.k; p++) {
      a0 = o.x(p).fma(o.w(p, j), a0);
    }
    a0.add(a1).add(a2.add(a3)).intoArray(o.y, o.yOffset + j);
  }

  private static void oneColumn(Operands o, int j) {
    double[] x = o.x;
    double[] w = o.w;
    int at = o.wOffset + j;
    double s0 = o.accumulate ? o.y[o.yOffset + j] : 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int p = 0;
    for (; p + 4 <= o.k; p += 4, at += 4 * o.rowStride) {
      s0 = Math.fma(x[o.xOffset + p], w[at], s0);
      s1 = Math.fma(x[o.xOffset + p + 1], w[at + o.rowStride], s1);
      s2 = Math.fma(x[o.xOffset + p + 2], w[at + 2 * o.rowStride], s2);
      s3 = Math.fma(x[o.xOffset + p + 3], w[at + 3 * o.rowStride], s3);
    }
    for (; p < o.k; p++, at += o.rowStride) {
      s0 = Math.fma(x[o.xOffset + p], w[at], s0);
    }
    o.y[o.yOffset + j] = (s0 + s1) + (s2 + s3);
  }
}
