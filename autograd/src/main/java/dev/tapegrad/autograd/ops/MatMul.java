package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Gemm;

/**
 * The matrix product, recorded as one {@code dot} node. Its backward is two more products whose
 * transposes are GEMM flags: for {@code C = A·B}, {@code dA = dC·Bᵀ} and {@code dB = Aᵀ·dC}.
 */
public final class MatMul {
  private MatMul() {}

  /** NumPy {@code dot} for 1-D and 2-D operands. */
  public static Tensor dot(Tensor a, Tensor b) {
    if (a.rank() < 1 || a.rank() > 2 || b.rank() < 1 || b.rank() > 2) {
      throw new IllegalArgumentException(
          "dot: supports 1-D and 2-D operands, got shapes "
              + Shape.format(a.shape())
              + " and "
              + Shape.format(b.shape()));
    }
    return product("dot", a, b, false, false);
  }

  /** 2-D {@code op(a)·op(b)} with transposes passed to GEMM as flags. */
  public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
    if (a.rank() != 2 || b.rank() != 2) {
      throw new IllegalArgumentException(
          "matmul: needs 2-D operands, got shapes "
              + Shape.format(a.shape())
              + " and "
              + Shape.format(b.shape()));
    }
    return product("dot", a, b, transA, transB);
  }

  private static Tensor product(String op, Tensor a, Tensor b, boolean transA, boolean transB) {
    int[] a2 = a.rank() == 1 ? new int[] {1, a.dim(0)} : a.shape();
    int[] b2 = b.rank() == 1 ? new int[] {b.dim(0), 1} : b.shape();
    int m = transA ? a2[1] : a2[0];
    int k = transA ? a2[0] : a2[1];
    int kb = transB ? b2[1] : b2[0];
    int n = transB ? b2[0] : b2[1];
    if (k != kb) {
      throw new IllegalArgumentException(
          op
              + ": shapes "
              + Shape.format(a.shape())
              + (transA ? "ᵀ" : "")
              + " and "
              + Shape.format(b.shape())
              + (transB ? "ᵀ" : "")
              + " are not aligned: "
              + k
              + " != "
              + kb);
    }
    int[] outShape;
    if (a.rank() == 1 && b.rank() == 1) {
      outShape = new int[0];
    } else if (a.rank() == 1) {
      outShape = new int[] {n};
    } else if (b.rank() == 1) {
      outShape = new int[] {m};
    } else {
      outShape = new int[] {m, n};
    }
    Tensor out =
        Tensor.wrap(Gemm.multiply(Values.of(a), transA, Values.of(b), transB, m, n, k), outShape);
    Op recorder = Op.named(op).inputs(a, b);
    if (transA) {
      recorder.attribute("transposeA", true);
    }
    if (transB) {
      recorder.attribute("transposeB", true);
    }
    return recorder.record(
        out,
        gy -> {
          Tensor am = a.reshape(a2);
          Tensor bm = b.reshape(b2);
          Tensor g = gy.reshape(m, n);
          Tensor ga =
              !a.needsGrad()
                  ? null
                  : transA ? bm.matmul(g, transB, true) : g.matmul(bm, false, !transB);
          Tensor gb =
              !b.needsGrad()
                  ? null
                  : transB ? g.matmul(am, true, transA) : am.matmul(g, !transA, false);
          return new Tensor[] {
            ga == null ? null : ga.reshape(a.shape()), gb == null ? null : gb.reshape(b.shape())
          };
        });
  }
}
