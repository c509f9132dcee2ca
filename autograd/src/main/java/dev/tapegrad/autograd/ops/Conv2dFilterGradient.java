package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.ConvGeometry;
import dev.tapegrad.autograd.kernels.Gemm;
import dev.tapegrad.autograd.kernels.TapColumns;
import dev.tapegrad.autograd.kernels.Workspace;

/**
 * The gradient of a convolution's filters, {@code dW = G · columnsᵀ} for the output gradient {@code
 * gy} (N,FN,OH,OW) re-laid to {@code G} (FN, N·OH·OW) and the tap-major columns (C·FH·FW, N·OH·OW)
 * of the input {@code x} (PyTorch's {@code torch.nn.grad.conv2d_weight}). One {@code
 * conv2dFilterGradient} node. Bilinear in {@code gy} and {@code x}, so its backward is two more
 * convolutions: for an upstream gradient {@code g} (FN,C,FH,FW), {@code ggy = conv2d(x, g)} (no
 * bias) and {@code gx = conv2dInputGradient(gy, g)}. Composed: {@code gy} as (N·OH·OW, FN) rows,
 * transposed {@code → dot im2col(x) → reshape}, the node's expansion.
 */
public final class Conv2dFilterGradient {
  private static final String NAME = "conv2dFilterGradient";

  private Conv2dFilterGradient() {}

  /**
   * The gradient of {@code filterShape}-shaped filters convolved with the input {@code x} at {@code
   * stride} and {@code pad}, given the convolution's output gradient {@code gy}.
   */
  public static Tensor of(Tensor gy, Tensor x, int[] filterShape, int stride, int pad) {
    ConvGeometry g = Conv2d.geometry(NAME, x.shape(), filterShape, stride, pad);
    try (ConvOutputGradient relaid = ConvOutputGradient.relaid(NAME, gy, g)) {
      double[] columns = Workspace.take(g.taps() * g.positions());
      TapColumns.im2col(Values.of(x), g, columns);
      Tensor gw = of(relaid, x, columns);
      Workspace.give(columns);
      return gw;
    }
  }

  /** The same op as {@link #of(Tensor, Tensor, int[], int, int)}, built from primitive ops. */
  public static Tensor composed(Tensor gy, Tensor x, int[] filterShape, int stride, int pad) {
    ConvGeometry g = Conv2d.geometry(NAME, x.shape(), filterShape, stride, pad);
    return ConvOutputGradient.positionRows(NAME, gy, g)
        .matmul(x.im2col(g.fh(), g.fw(), stride, pad), true, false)
        .reshape(filterShape);
  }

  /**
   * The op on an output gradient already re-laid and the input's tap-major {@code columns} already
   * built (by {@code conv2d}'s forward pass and backward rule).
   */
  static Tensor of(ConvOutputGradient gy, Tensor x, double[] columns) {
    ConvGeometry g = gy.geometry();
    double[] gw = Workspace.take(g.filters() * g.taps());
    Gemm.multiplyInto(
        gy.byFilter(), false, columns, true, g.filters(), g.taps(), g.positions(), gw, false);
    int[] filterShape = {g.filters(), g.channels(), g.fh(), g.fw()};
    Tensor dy = gy.tensor();
    int stride = g.stride();
    int pad = g.pad();
    return Conv2d.op(NAME, g)
        .inputs(dy, x)
        .expansion(in -> composed(in.get(0), in.get(1), filterShape, stride, pad))
        .record(
            Tensor.wrap(gw, filterShape),
            gg ->
                new Tensor[] {
                  dy.needsGrad() ? Conv2d.withoutBias(x, gg, stride, pad) : null,
                  x.needsGrad() ? Conv2dInputGradient.of(dy, gg, x.shape(), stride, pad) : null
                });
  }
}
