package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.ConvGeometry;
import dev.tapegrad.autograd.kernels.Gemm;
import dev.tapegrad.autograd.kernels.TapColumns;
import dev.tapegrad.autograd.kernels.Workspace;

/**
 * The gradient of a convolution's input, {@code dx = col2im(Wᵀ · G)} for the output gradient {@code
 * gy} (N,FN,OH,OW) re-laid to {@code G} (FN, N·OH·OW) and filters {@code W} (FN,C,FH,FW): the
 * transposed convolution (PyTorch's {@code torch.nn.grad.conv2d_input}). One {@code
 * conv2dInputGradient} node. Bilinear in {@code gy} and {@code W}, so its backward is two more
 * convolutions: for an upstream gradient {@code g} (N,C,H,W), {@code ggy = conv2d(g, W)} (no bias)
 * and {@code gW = conv2dFilterGradient(gy, g)}. Composed: {@code gy} as (N·OH·OW, FN) rows {@code →
 * dot W → col2im}, the node's expansion.
 */
public final class Conv2dInputGradient {
  private static final String NAME = "conv2dInputGradient";

  private Conv2dInputGradient() {}

  /**
   * The gradient of a convolution of an {@code inputShape} image with {@code filters} at {@code
   * stride} and {@code pad}, given its output gradient {@code gy}.
   */
  public static Tensor of(Tensor gy, Tensor filters, int[] inputShape, int stride, int pad) {
    ConvGeometry g = Conv2d.geometry(NAME, inputShape, filters.shape(), stride, pad);
    try (ConvOutputGradient relaid = ConvOutputGradient.relaid(NAME, gy, g)) {
      return of(relaid, filters);
    }
  }

  /** The same op as {@link #of(Tensor, Tensor, int[], int, int)}, built from primitive ops. */
  public static Tensor composed(Tensor gy, Tensor filters, int[] inputShape, int stride, int pad) {
    ConvGeometry g = Conv2d.geometry(NAME, inputShape, filters.shape(), stride, pad);
    return ConvOutputGradient.positionRows(NAME, gy, g)
        .matmul(filters.reshape(g.filters(), g.taps()), false, false)
        .col2im(inputShape, g.fh(), g.fw(), stride, pad);
  }

  /** The op on an output gradient already re-laid (by {@code conv2d}'s backward rule). */
  static Tensor of(ConvOutputGradient gy, Tensor filters) {
    ConvGeometry g = gy.geometry();
    double[] columnGradient = Workspace.take(g.taps() * g.positions());
    Gemm.multiplyInto(
        Values.of(filters),
        true,
        gy.byFilter(),
        false,
        g.taps(),
        g.positions(),
        g.filters(),
        columnGradient,
        false);
    int[] inputShape = {g.n(), g.channels(), g.h(), g.w()};
    double[] gx = Workspace.zeros(g.n() * g.channels() * g.h() * g.w());
    TapColumns.col2imAdd(columnGradient, g, gx);
    Workspace.give(columnGradient);
    Tensor dy = gy.tensor();
    int stride = g.stride();
    int pad = g.pad();
    return Conv2d.op(NAME, g)
        .inputs(dy, filters)
        .expansion(in -> composed(in.get(0), in.get(1), inputShape, stride, pad))
        .record(
            Tensor.wrap(gx, inputShape),
            gg ->
                new Tensor[] {
                  dy.needsGrad() ? Conv2d.withoutBias(gg, filters, stride, pad) : null,
                  filters.needsGrad()
                      ? Conv2dFilterGradient.of(dy, gg, filters.shape(), stride, pad)
                      : null
                });
  }
}
