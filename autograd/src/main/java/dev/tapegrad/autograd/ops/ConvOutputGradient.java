package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.ChannelMajor;
import dev.tapegrad.autograd.kernels.ConvGeometry;
import dev.tapegrad.autograd.kernels.Workspace;
import java.util.Arrays;

/**
 * The gradient {@code gy} (N,FN,OH,OW) of a convolution's output together with what the gradient
 * ops' kernels read, both made in one pass: {@code gy} re-laid to (FN, N·OH·OW) in a pooled buffer
 * (the layout of the gradient GEMMs), and each filter's sum over images and positions (the bias
 * gradient). {@code conv2d}'s backward rule makes it once for all three gradient ops; closing it
 * gives the buffer back.
 */
final class ConvOutputGradient implements AutoCloseable {
  private final Tensor gy;
  private final ConvGeometry geometry;
  private final double[] filterSums;
  private double[] byFilter;

  private ConvOutputGradient(
      Tensor gy, ConvGeometry geometry, double[] byFilter, double[] filterSums) {
    this.gy = gy;
    this.geometry = geometry;
    this.byFilter = byFilter;
    this.filterSums = filterSums;
  }

  /** Checks that {@code gy} is the output gradient of convolution {@code g}, and re-lays it. */
  static ConvOutputGradient relaid(String op, Tensor gy, ConvGeometry g) {
    check(op, gy, g);
    double[] byFilter = Workspace.take(g.filters() * g.positions());
    double[] sums = ChannelMajor.fromImages(Values.of(gy), g, byFilter);
    return new ConvOutputGradient(gy, g, byFilter, sums);
  }

  /**
   * The book's layout of {@code gy}, (N·OH·OW, FN) with one row per output position, made with
   * primitive ops: what the gradient ops' composed forms multiply.
   */
  static Tensor positionRows(String op, Tensor gy, ConvGeometry g) {
    check(op, gy, g);
    return gy.transpose(0, 2, 3, 1).reshape(g.positions(), g.filters());
  }

  private static void check(String op, Tensor gy, ConvGeometry g) {
    int[] expected = {g.n(), g.filters(), g.oh(), g.ow()};
    if (!Arrays.equals(gy.shape(), expected)) {
      throw new IllegalArgumentException(
          op
              + ": output gradient "
              + Shape.format(gy.shape())
              + " does not match the convolution's output "
              + Shape.format(expected));
    }
  }

  /** The output gradient as given, (N,FN,OH,OW). */
  Tensor tensor() {
    return gy;
  }

  ConvGeometry geometry() {
    return geometry;
  }

  /** {@code gy} laid out (FN, N·OH·OW); valid until {@link #close}. */
  double[] byFilter() {
    return byFilter;
  }

  /** Each filter's sum of {@code gy} over images and positions, (FN,). */
  double[] filterSums() {
    return filterSums;
  }

  /** Gives the re-laid buffer back to the pool. */
  @Override
  public void close() {
    Workspace.give(byFilter);
    byFilter = null;
  }
}
