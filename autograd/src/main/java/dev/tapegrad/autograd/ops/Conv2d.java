package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BackwardRule;
import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
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
 * streams that into the output images with the bias added. Its one backward rule is three op calls,
 * {@link Conv2dInputGradient}, {@link Conv2dFilterGradient} and {@code Conv2dBiasGradient}, which
 * share one re-layout of the gradient to (FN, N·OH·OW) and the forward's columns, so nothing is
 * computed twice. Each of them has its own backward rule written with {@code conv2d} and each
 * other, so a recorded backward pass is differentiable to any order. The node saves the columns, so
 * a recycling tape reuses their memory. Composed: the book's {@code im2col → dot (Wᵀ as a GEMM
 * flag) → + b → reshape → transpose}, the fused node's expansion.
 */
public final class Conv2d {
  private Conv2d() {}

  /** The fused convolution node. */
  public static Tensor fused(Tensor x, Tensor filters, Tensor bias, int stride, int pad) {
    ConvGeometry g = geometry(x, filters, bias, stride, pad);
    double[] columns = Workspace.take(g.taps() * g.positions());
    TapColumns.im2col(Values.of(x), g, columns);
    double[] byFilter = Workspace.take(g.filters() * g.positions());
    Gemm.multiplyInto(
        Values.of(filters),
        false,
        columns,
        false,
        g.filters(),
        g.positions(),
        g.taps(),
        byFilter,
        false);
    double[] images = ChannelMajor.toImages(byFilter, Values.of(bias), g);
    Workspace.give(byFilter);
    Tensor savedColumns = Tensor.wrap(columns, g.taps(), g.positions());
    Tensor y =
        op("conv2d", g)
            .inputs(x, filters, bias)
            .expansion(in -> composed(in.get(0), in.get(1), in.get(2), stride, pad))
            .saves(savedColumns)
            .record(
                Tensor.wrap(images, g.n(), g.filters(), g.oh(), g.ow()),
                new Backward(x, filters, bias, g, savedColumns));
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

  /** The fused convolution with a zero bias: the other gradient ops' backward rules use it. */
  static Tensor withoutBias(Tensor x, Tensor filters, int stride, int pad) {
    return fused(x, filters, Tensor.zeros(filters.dim(0)), stride, pad);
  }

  /**
   * Starts recording a convolution-shaped op called {@code name}, with the window, stride and pad
   * of {@code g} as its attributes.
   */
  static Op op(String name, ConvGeometry g) {
    return Op.named(name)
        .attribute("filter", g.fh() + "x" + g.fw())
        .attribute("stride", g.stride())
        .attribute("pad", g.pad());
  }

  /**
   * The checked geometry of a convolution of an {@code input}-shaped image with {@code
   * filters}-shaped filters; errors name {@code op}.
   */
  static ConvGeometry geometry(String op, int[] input, int[] filters, int stride, int pad) {
    if (!imageAndFiltersMatch(input, filters)) {
      throw new IllegalArgumentException(
          op
              + ": input "
              + Shape.format(input)
              + " and filters "
              + Shape.format(filters)
              + " do not match (expected (N,C,H,W) and (FN,C,FH,FW))");
    }
    ConvGeometry g =
        new ConvGeometry(
            input[0],
            input[1],
            input[2],
            input[3],
            filters[0],
            filters[2],
            filters[3],
            stride,
            pad);
    if (stride < 1 || pad < 0 || g.oh() < 1 || g.ow() < 1) {
      throw new IllegalArgumentException(
          op
              + ": filters "
              + Shape.format(filters)
              + " with stride "
              + stride
              + " and pad "
              + pad
              + " do not fit an input of "
              + Shape.format(input)
              + " (stride must be positive, pad non-negative)");
    }
    long positions = (long) g.n() * g.oh() * g.ow();
    if (Math.max(g.taps(), g.filters()) * positions > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          op
              + ": input "
              + Shape.format(input)
              + " with filters "
              + Shape.format(filters)
              + ", stride "
              + stride
              + " and pad "
              + pad
              + " needs more than 2^31 column or output values");
    }
    return g;
  }

  private static ConvGeometry geometry(Tensor x, Tensor filters, Tensor bias, int stride, int pad) {
    int[] ws = filters.shape();
    if (!imageAndFiltersMatch(x.shape(), ws) || bias.rank() != 1 || bias.dim(0) != ws[0]) {
      throw new IllegalArgumentException(
          "conv2d: input "
              + Shape.format(x.shape())
              + ", filters "
              + Shape.format(ws)
              + " and bias "
              + Shape.format(bias.shape())
              + " do not match (expected (N,C,H,W), (FN,C,FH,FW) and (FN,))");
    }
    return geometry("conv2d", x.shape(), ws, stride, pad);
  }

  private static boolean imageAndFiltersMatch(int[] input, int[] filters) {
    return input.length == 4 && filters.length == 4 && input[1] == filters[1];
  }

  /**
   * The fused node's backward rule: the three gradient ops, fed one re-layout of the output
   * gradient and the forward columns (saved by the node).
   */
  private static final class Backward implements BackwardRule {
    private final Tensor x;
    private final Tensor filters;
    private final Tensor bias;
    private final ConvGeometry g;
    private final Tensor columns;

    Backward(Tensor x, Tensor filters, Tensor bias, ConvGeometry g, Tensor columns) {
      this.x = x;
      this.filters = filters;
      this.bias = bias;
      this.g = g;
      this.columns = columns;
    }

    @Override
    public Tensor[] apply(Tensor gy) {
      try (ConvOutputGradient relaid = ConvOutputGradient.relaid("conv2d", gy, g)) {
        return new Tensor[] {
          x.needsGrad() ? Conv2dInputGradient.of(relaid, filters) : null,
          filters.needsGrad() ? Conv2dFilterGradient.of(relaid, x, Values.of(columns)) : null,
          bias.needsGrad() ? Conv2dBiasGradient.of(relaid) : null
        };
      }
    }
  }
}
