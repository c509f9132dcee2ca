package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.RandomShapes;
import dev.tapegrad.autograd.Shape;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kernel against a naive reference written from the definition (one multi-index at a time),
 * over seeded random shapes.
 */
class KernelValueTest {

  static IntStream seeds() {
    return IntStream.range(0, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void broadcastingBinaryOpsMatchTheDefinition(int seed) {
    RandomShapes r = new RandomShapes(seed);
    int[] out = r.shape(4, 4);
    int[] as = r.broadcastableTo(out);
    int[] bs = r.broadcastableTo(out);
    double[] a = r.normal(as).data();
    double[] b = r.uniform(0.5, 1.5, bs).data();
    int[] shape = Shape.broadcast("test", as, bs);
    double[] expected = new double[Shape.size(shape)];
    for (int i = 0; i < expected.length; i++) {
      int[] idx = unravel(i, shape);
      expected[i] = a[at(idx, as)] / b[at(idx, bs)];
    }
    assertArrayEquals(expected, BinaryOp.DIV.apply(a, as, b, bs, shape), 0);
  }

  /** The fast path for a row repeated down a batch, and the column sums that are its adjoint. */
  @ParameterizedTest
  @MethodSource("seeds")
  void rowBroadcastAndColumnSumsMatchTheDefinition(int seed) {
    RandomShapes r = new RandomShapes(seed);
    int[] out = r.shape(4, 4);
    int trailing = r.between(0, out.length);
    int[] row = new int[trailing + r.between(0, 1)];
    java.util.Arrays.fill(row, 1);
    System.arraycopy(out, out.length - trailing, row, row.length - trailing, trailing);
    int[] shape = Shape.broadcast("test", out, row);
    double[] a = r.normal(out).data();
    double[] b = r.normal(row).data();
    double[] expectedSum = new double[a.length];
    double[] expectedSums = new double[b.length];
    for (int i = 0; i < a.length; i++) {
      int[] idx = unravel(i, shape);
      expectedSum[i] = a[i] + b[at(idx, row)];
      expectedSums[at(idx, row)] += a[i];
    }
    assertArrayEquals(expectedSum, BinaryOp.ADD.apply(a, out, b, row, shape), 0);
    boolean[] leading = leadingAxes(out, out.length - trailing);
    assertArrayEquals(expectedSums, Reduce.sum(a, out, leading), 1e-12);
  }

  private static boolean[] leadingAxes(int[] shape, int count) {
    boolean[] mask = new boolean[shape.length];
    java.util.Arrays.fill(mask, 0, count, true);
    return mask;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sumOverAxesMatchesTheDefinition(int seed) {
    RandomShapes r = new RandomShapes(seed);
    int[] shape = r.shape(4, 4);
    boolean[] mask = new boolean[shape.length];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = r.rng().nextBoolean();
    }
    double[] x = r.normal(shape).data();
    int[] kept = Shape.reduced(shape, mask, true);
    double[] expected = new double[Shape.size(kept)];
    for (int i = 0; i < x.length; i++) {
      int[] idx = unravel(i, shape);
      expected[at(idx, kept)] += x[i];
    }
    assertArrayEquals(expected, Reduce.sum(x, shape, mask), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void maxAndArgmaxMatchTheDefinition(int seed) {
    RandomShapes r = new RandomShapes(seed);
    int[] shape = r.shape(4, 4);
    if (shape.length == 0) {
      return;
    }
    int axis = r.between(0, shape.length - 1);
    double[] x = r.normal(shape).data();
    boolean[] mask = new boolean[shape.length];
    mask[axis] = true;
    int[] kept = Shape.reduced(shape, mask, true);
    double[] expected = new double[Shape.size(kept)];
    java.util.Arrays.fill(expected, Double.NEGATIVE_INFINITY);
    int[] expectedArg = new int[expected.length];
    for (int i = 0; i < x.length; i++) {
      int[] idx = unravel(i, shape);
      int o = at(idx, kept);
      if (x[i] > expected[o]) {
        expected[o] = x[i];
        expectedArg[o] = idx[axis];
      }
    }
    int[] arg = new int[expected.length];
    assertArrayEquals(expected, Reduce.max(x, shape, axis, arg), 0);
    assertArrayEquals(expectedArg, arg);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void permuteMatchesTheDefinition(int seed) {
    RandomShapes r = new RandomShapes(seed);
    int[] shape = r.shape(4, 5);
    int[] perm =
        IntStream.range(0, shape.length)
            .boxed()
            .sorted(
                (p, q) ->
                    Integer.compare(
                        Integer.hashCode(p * 31 + seed) % 7, Integer.hashCode(q * 31 + seed) % 7))
            .mapToInt(Integer::intValue)
            .toArray();
    double[] x = r.normal(shape).data();
    int[] outShape = IntStream.of(perm).map(p -> shape[p]).toArray();
    double[] out = Layout.permute(x, shape, perm);
    for (int i = 0; i < out.length; i++) {
      int[] o = unravel(i, outShape);
      int[] in = new int[shape.length];
      for (int k = 0; k < perm.length; k++) {
        in[perm[k]] = o[k];
      }
      assertEquals(x[at(in, shape)], out[i]);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void gemmMatchesTripleLoopForEveryTransposeVariant(int seed) {
    RandomShapes r = new RandomShapes(seed);
    int m = r.between(1, 9);
    int n = r.between(1, 9);
    int k = r.between(1, 9);
    boolean ta = (seed & 1) != 0;
    boolean tb = (seed & 2) != 0;
    double[] a = r.normal(m * k).data();
    double[] b = r.normal(k * n).data();
    double[] expected = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
        }
        expected[i * n + j] = s;
      }
    }
    assertArrayEquals(expected, Gemm.multiply(a, ta, b, tb, m, n, k), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void im2colMatchesTheDefinitionAndCol2imIsItsAdjoint(int seed) {
    RandomShapes r = new RandomShapes(seed);
    int n = r.between(1, 2);
    int c = r.between(1, 3);
    int fh = r.between(1, 3);
    int fw = r.between(1, 3);
    int stride = r.between(1, 3);
    int pad = r.between(0, 2);
    int h = r.between(Math.max(1, fh - 2 * pad), 6);
    int w = r.between(Math.max(1, fw - 2 * pad), 6);
    int oh = Im2col.outSize(h, fh, stride, pad);
    int ow = Im2col.outSize(w, fw, stride, pad);
    double[] x = r.normal(n, c, h, w).data();
    double[] col = Im2col.im2col(x, n, c, h, w, fh, fw, stride, pad);
    assertEquals(n * oh * ow * c * fh * fw, col.length);
    for (int row = 0; row < n * oh * ow; row++) {
      int img = row / (oh * ow);
      int oy = row / ow % oh;
      int ox = row % ow;
      for (int j = 0; j < c * fh * fw; j++) {
        int ch = j / (fh * fw);
        int y = oy * stride - pad + j / fw % fh;
        int xx = ox * stride - pad + j % fw;
        boolean inside = y >= 0 && y < h && xx >= 0 && xx < w;
        double expected = inside ? x[((img * c + ch) * h + y) * w + xx] : 0;
        assertEquals(expected, col[row * c * fh * fw + j]);
      }
    }
    double[] probe = r.normal(col.length).data();
    double[] back = Im2col.col2im(probe, n, c, h, w, fh, fw, stride, pad);
    assertEquals(dot(col, probe), dot(x, back), 1e-9);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static int[] unravel(int flat, int[] shape) {
    int[] idx = new int[shape.length];
    for (int i = shape.length - 1; i >= 0; i--) {
      idx[i] = flat % shape[i];
      flat /= shape[i];
    }
    return idx;
  }

  /**
   * Offset of a (broadcast) index in a tensor of {@code shape}, right-aligned, size-1 dims pinned.
   */
  private static int at(int[] idx, int[] shape) {
    int off = 0;
    int lead = idx.length - shape.length;
    for (int i = 0; i < shape.length; i++) {
      off = off * shape[i] + (shape[i] == 1 ? 0 : idx[lead + i]);
    }
    return off;
  }
}
