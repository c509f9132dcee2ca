package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.UnaryOp;

/**
 * The sigmoid {@code 1 / (1 + exp(−x))}, fused (one node, backward {@code gy·y(1−y)}, stable for
 * any input) or composed as the book's Fig 5-19: {@code ×−1 → exp → +1 → /}.
 */
public final class SigmoidFunction {
  private SigmoidFunction() {}

  /** One {@code sigmoid} node; never overflows (for negative x it computes {@code eˣ/(1+eˣ)}). */
  public static Tensor fused(Tensor x) {
    double[] out = UnaryOp.SIGMOID.apply(Values.of(x));
    Tensor y = Tensor.wrap(out, x.shape());
    return Op.named("sigmoid")
        .inputs(x)
        .expansion(inputs -> composed(inputs.get(0)))
        .record(y, gy -> new Tensor[] {gy.mul(y.mul(y.neg().add(1)))});
  }

  /** The primitive graph of Fig 5-19. Overflows to a NaN gradient for x below about −709. */
  public static Tensor composed(Tensor x) {
    return Tensor.scalar(1).div(x.mul(-1).exp().add(1));
  }
}
