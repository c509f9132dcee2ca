package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;

/**
 * The gradient of a convolution's bias: the output gradient {@code gy} (N,FN,OH,OW) summed over
 * images and positions, (FN,). One {@code conv2dBiasGradient} node, whose value is the sums the
 * re-layout of {@code gy} made on the way (a separate sum would read {@code gy} once more). Linear
 * in {@code gy}: its backward spreads each filter's upstream gradient over that filter's images and
 * positions. Composed: {@code sum} over axes 0, 2 and 3, the node's expansion.
 */
final class Conv2dBiasGradient {
  private Conv2dBiasGradient() {}

  /** The op on an output gradient re-laid by {@code conv2d}'s backward rule. */
  static Tensor of(ConvOutputGradient gy) {
    Tensor dy = gy.tensor();
    int[] shape = dy.shape();
    int filters = shape[1];
    return Op.named("conv2dBiasGradient")
        .inputs(dy)
        .expansion(in -> composed(in.get(0)))
        .record(
            Tensor.wrap(gy.filterSums(), filters),
            gg -> new Tensor[] {gg.reshape(1, filters, 1, 1).broadcastTo(shape)});
  }

  /** The same sum as a primitive op. */
  static Tensor composed(Tensor gy) {
    return gy.sum(new int[] {0, 2, 3}, false);
  }
}
