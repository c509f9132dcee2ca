package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BackwardRule;
import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.ChannelMajor;
import dev.tapegrad.autograd.kernels.ConvGeometry;
import dev.tapegrad.autograd.kernels.Gemm;
import dev.tapegrad.autograd.kernels.TapColumns;
import dev.tapegrad.autograd.kernels.Workspace;

/**
 * The book's convolution (a cross-correlation): (N,C,H,W) input, (FN,C,FH,FW) filters and (FN,)
 * bias give (N,FN,OH,OW), {@code OH = (H + 2P − FH)/S + 1} floored, zero padding.
 *
 * <p>Fused: one {@code conv2d} node. The forward pass builds tap-major columns (C·FH·FW, N·OH·OW)
 * in a pooled buffer, multiplies {@code W (FN, C·FH·FW) · columns} into a pooled scratch and
 * streams that into the output images with the bias added. The backward pass re-lays the gradient
 * to (FN, N·OH·OW) (summing the bias gradient on the way), then {@code dW = gy · columnsᵀ} and
 * {@code dx = col2im(Wᵀ · gy)}. The columns go back to the pool when the tape releases the node.
 * Composed: the book's {@code im2col → dot (Wᵀ as a GEMM flag) → + b → reshape → transpose}.
 */
public final class Conv2d {
  private Conv2d() {}

  /** The fused convolution node. */
  public static Tensor fused(Tensor x, Tensor filters, Tensor bias, int stride, int pad) {
    ConvGeometry g = geometry(x, filters, bias, stride, pad);
    double[] columns = Workspace.take(g.taps() * g.positions());
    TapColumns.im2col(x.data(), g, columns);
    double[] byFilter = Workspace.take(g.filters() * g.positions());
    Gemm.multiplyInto(
        filters.data(), false, columns, false, g.filters(), g.positions(), g.taps(), byFilter, false);
    double[] images = ChannelMajor.toImages(byFilter, bias.data(), g);
    Workspace.give(byFilter);
    Tensor y =
        Op.named("conv2d")
            .attribute("filter", g.fh() + "x" + g.fw())
            .attribute("stride", stride)
            .attribute("pad", pad)
            .inputs(x, filters, bias)
            .expansion(in -> composed(in.get(0), in.get(1), in.get(2), stride, pad))
            .record(
                Tensor.wrap(images, g.n(), g.filters(), g.oh(), g.ow()),
                new Backward(x, filters, g, columns));
    if (y.creator() == null) {
      Workspace.give(columns);
    }
    return y;
  }

  /** The same convolution as the book composes it from primitive ops. */
  public static Tensor composed(Tensor x, Tensor filters, Tensor bias, int stride, int pad) {
    ConvGeometry g = geometry(x, filters, bias, stride, pad);
    Tensor columns = x.im2col(g.fh(), g.fw(), stride, pad);
    Tensor out = columns.matmul(filters.reshape(g.filters(), -1), false, true).add(bias);
    return out.reshape(g.n(), g.oh(), g.ow(), g.filters()).transpose(0, 3, 1, 2);
  }

  private static ConvGeometry geometry(
      Tensor x, Tensor filters, Tensor bias, int stride, int pad) {
    int[] xs = x.shape();
    int[] ws = filters.shape();
    if (xs.length != 4 || ws.length != 4 || bias.rank() != 1 || xs[1] != ws[1]
        || bias.dim(0) != ws[0]) {
      throw new IllegalArgumentException(
          "conv2d: input " + Shape.format(xs) + ", filters " + Shape.format(ws) + " and bias "
              + Shape.format(bias.shape())
              + " do not match (expected (N,C,H,W), (FN,C,FH,FW) and (FN,))");
    }
    ConvGeometry g = new ConvGeometry(xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], stride, pad);
    if (stride < 1 || pad < 0 || g.oh() < 1 || g.ow() < 1) {
      throw new IllegalArgumentException(
          "conv2d: filters " + Shape.format(ws) + " with stride " + stride + " and pad " + pad
              + " do not fit an input of " + Shape.format(xs)
              + " (stride must be positive, pad non-negative)");
    }
    long positions = (long) g.n() * g.oh() * g.ow();
    if (Math.max(g.taps(), g.filters()) * positions > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "conv2d: input " + Shape.format(xs) + " with filters " + Shape.format(ws) + ", stride "
              + stride + " and pad " + pad + " needs more than 2^31 column or output values");
    }
    return g;
  }

  /**
   * The fused node's backward rule. It holds the forward columns (a pooled buffer) until the tape
   * releases the node.
   */
  private static final class Backward implements BackwardRule {
    private final Tensor x;
    private final Tensor filters;
    private final ConvGeometry g;
    private double[] columns;

    Backward(Tensor x, Tensor filters, ConvGeometry g, double[] columns) {
      this.x = x;
      this.filters = filters;
      this.g = g;
      this.columns = columns;
    }

    @Override
    public Tensor[] apply(Tensor gy) {
      if (Tape.isRecording()) {
        return recordedGradients(gy);
      }
      double[] gyByFilter = Workspace.take(g.filters() * g.positions());
      double[] gb = ChannelMajor.fromImages(gy.data(), g, gyByFilter);
      Tensor gw = filters.needsGrad() ? filterGradient(gyByFilter) : null;
      Tensor gx = x.needsGrad() ? inputGradient(gyByFilter) : null;
      Workspace.give(gyByFilter);
      return new Tensor[] {gx, gw, Tensor.wrap(gb, g.filters())};
    }

    @Override
    public void release() {
      Workspace.give(columns);
      columns = null;
    }

    /** {@code dW (FN, C·FH·FW) = gy (FN, N·OH·OW) · columnsᵀ}. */
    private Tensor filterGradient(double[] gyByFilter) {
      double[] gw = Workspace.take(g.filters() * g.taps());
      Gemm.multiplyInto(
          gyByFilter, false, columns, true, g.filters(), g.taps(), g.positions(), gw, false);
      return Tensor.wrap(gw, filters.shape());
    }

    /** {@code dx = col2im(Wᵀ (C·FH·FW, FN) · gy (FN, N·OH·OW))}. */
    private Tensor inputGradient(double[] gyByFilter) {
      double[] gColumns = Workspace.take(g.taps() * g.positions());
      Gemm.multiplyInto(
          filters.data(), true, gyByFilter, false, g.taps(), g.positions(), g.filters(),
          gColumns, false);
      double[] gx = Workspace.zeros(x.size());
      TapColumns.col2imAdd(gColumns, g, gx);
      Workspace.give(gColumns);
      return Tensor.wrap(gx, x.shape());
    }

    /**
     * The composed graph's gradients written with recorded ops, for a backward pass that is
     * itself recorded (second derivatives).
     */
    private Tensor[] recordedGradients(Tensor gy) {
      Tensor rows = gy.transpose(0, 2, 3, 1).reshape(g.positions(), g.filters());
      Tensor gx = null;
      Tensor gw = null;
      if (x.needsGrad()) {
        gx = rows.matmul(filters.reshape(g.filters(), g.taps()), false, false)
            .col2im(x.shape(), g.fh(), g.fw(), g.stride(), g.pad());
      }
      if (filters.needsGrad()) {
        gw = rows.matmul(x.im2col(g.fh(), g.fw(), g.stride(), g.pad()), true, false)
            .reshape(filters.shape());
      }
      return new Tensor[] {gx, gw, rows.sum(0)};
    }
  }
}
