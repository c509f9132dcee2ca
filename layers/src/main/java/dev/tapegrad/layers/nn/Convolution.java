package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Im2col;
import dev.tapegrad.layers.Module;

/**
 * The book's convolution layer (a cross-correlation), composed as {@code im2col → dot (with Wᵀ as
 * a GEMM flag) → + b → reshape → transpose}: (N,C,H,W) with filters (FN,C,FH,FW) gives
 * (N,FN,OH,OW).
 */
public final class Convolution extends Module {
  private final Tensor weight;
  private final Tensor bias;
  private final int stride;
  private final int pad;

  public Convolution(String name, Tensor weight, Tensor bias, int stride, int pad) {
    super(name);
    if (weight.rank() != 4 || bias.rank() != 1 || bias.dim(0) != weight.dim(0)) {
      throw new IllegalArgumentException(
          name + ": filters " + Shape.format(weight.shape()) + " and bias "
              + Shape.format(bias.shape()) + " do not form a convolution");
    }
    this.weight = addParameter("W", weight);
    this.bias = addParameter("b", bias);
    this.stride = stride;
    this.pad = pad;
  }

  public Tensor weight() {
    return weight;
  }

  public int stride() {
    return stride;
  }

  public int pad() {
    return pad;
  }

  @Override
  public Tensor forward(Tensor x) {
    int[] w = weight.shape();
    if (x.rank() != 4 || x.dim(1) != w[1]) {
      throw new IllegalArgumentException(
          name() + ": input " + Shape.format(x.shape()) + " does not match filters "
              + Shape.format(w) + " (expected (N," + w[1] + ",H,W))");
    }
    int n = x.dim(0);
    int oh = Im2col.outSize(x.dim(2), w[2], stride, pad);
    int ow = Im2col.outSize(x.dim(3), w[3], stride, pad);
    Tensor col = x.im2col(w[2], w[3], stride, pad);
    Tensor out = col.matmul(weight.reshape(w[0], -1), false, true).add(bias);
    return out.reshape(n, oh, ow, w[0]).transpose(0, 3, 1, 2);
  }
}
