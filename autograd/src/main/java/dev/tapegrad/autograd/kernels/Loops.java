package dev.tapegrad.autograd.kernels;

import dev.tapegrad.autograd.Shape;

/**
 * Runs an elementwise loop over whole tensors: the op supplies the loop body over a contiguous
 * range (one-input ops) or over one strided run of two broadcast operands (two-input ops), and this
 * class allocates the result, walks NumPy broadcasting and splits large work across cores. The body
 * is called once per range or run, never once per element, so it stays a tight loop.
 */
public final class Loops {
  private Loops() {}

  /** A one-input loop: {@code out[i] = f(x[i])} for {@code i} in {@code [from, to)}. */
  @FunctionalInterface
  public interface UnaryLoop {
    void run(double[] x, double[] out, int from, int to);
  }

  /**
   * A two-input loop over one run of {@code n} elements: {@code out[oi + k] = f(a[ai + k·as], b[bi
   * + k·bs])} for {@code k} in {@code [0, n)}.
   */
  @FunctionalInterface
  public interface BinaryLoop {
    void run(double[] a, int ai, int as, double[] b, int bi, int bs, double[] out, int oi, int n);
  }

  /** {@code loop} applied to every element of {@code x}, into a new array. */
  public static double[] map(double[] x, UnaryLoop loop) {
    double[] out = Workspace.take(x.length);
    Parallel.forRange(x.length, 1, (from, to) -> loop.run(x, out, from, to));
    return out;
  }

  /**
   * {@code loop} applied to {@code a} and {@code b} broadcast to the (already checked) shape {@code
   * outShape}, into a new array; direct loops for equal shapes, a scalar operand and a row repeated
   * down a matrix (a bias added to every sample).
   */
  public static double[] zip(
      double[] a, int[] aShape, double[] b, int[] bShape, int[] outShape, BinaryLoop loop) {
    double[] out = Workspace.take(Shape.size(outShape));
    int n = out.length;
    if (a.length == n && (b.length == n || b.length == 1)) {
      int bs = b.length == n ? 1 : 0;
      Parallel.forRange(
          n, 1, (from, to) -> loop.run(a, from, 1, b, from * bs, bs, out, from, to - from));
    } else if (a.length == 1 && b.length == n) {
      Parallel.forRange(n, 1, (from, to) -> loop.run(a, 0, 0, b, from, 1, out, from, to - from));
    } else if (a.length == n && Shape.isTrailingBlock(bShape, outShape)) {
      int row = b.length;
      Parallel.forRange(
          n / row,
          row,
          (from, to) -> {
            for (int r = from; r < to; r++) {
              loop.run(a, r * row, 1, b, 0, 1, out, r * row, row);
            }
          });
    } else {
      StridedLoop.forEachRun(
          outShape,
          Shape.broadcastStrides(aShape, outShape),
          Shape.broadcastStrides(bShape, outShape),
          (o, ai, as, bi, bs, len) -> loop.run(a, ai, as, b, bi, bs, out, o, len));
    }
    return out;
  }
}
