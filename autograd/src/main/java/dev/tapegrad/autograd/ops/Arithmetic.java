package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.BinaryOp;

/**
 * The four broadcasting binary ops. Each backward rule reduces the upstream gradient back to its
 * input's shape with {@code sumTo}, which is how a bias added to every row gets the row sum.
 */
public final class Arithmetic {
  private Arithmetic() {}

  public static Tensor add(Tensor a, Tensor b) {
    return Op.named("add")
        .inputs(a, b)
        .record(
            compute("add", BinaryOp.ADD, a, b),
            gy -> new Tensor[] {gy.sumTo(a.shape()), gy.sumTo(b.shape())});
  }

  public static Tensor sub(Tensor a, Tensor b) {
    return Op.named("sub")
        .inputs(a, b)
        .record(
            compute("sub", BinaryOp.SUB, a, b),
            gy -> new Tensor[] {gy.sumTo(a.shape()), gy.neg().sumTo(b.shape())});
  }

  public static Tensor mul(Tensor a, Tensor b) {
    return Op.named("mul")
        .inputs(a, b)
        .record(
            compute("mul", BinaryOp.MUL, a, b),
            gy ->
                new Tensor[] {
                  a.needsGrad() ? gy.mul(b).sumTo(a.shape()) : null,
                  b.needsGrad() ? gy.mul(a).sumTo(b.shape()) : null
                });
  }

  public static Tensor div(Tensor a, Tensor b) {
    return Op.named("div")
        .inputs(a, b)
        .record(
            compute("div", BinaryOp.DIV, a, b),
            gy ->
                new Tensor[] {
                  a.needsGrad() ? gy.div(b).sumTo(a.shape()) : null,
                  b.needsGrad() ? gy.mul(a).div(b.mul(b)).neg().sumTo(b.shape()) : null
                });
  }

  private static Tensor compute(String op, BinaryOp kernel, Tensor a, Tensor b) {
    int[] as = a.shape();
    int[] bs = b.shape();
    int[] out = Shape.broadcast(op, as, bs);
    return Tensor.wrap(kernel.apply(Values.of(a), as, Values.of(b), bs, out), out);
  }
}
