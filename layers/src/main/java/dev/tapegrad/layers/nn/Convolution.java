package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;

/**
 * The book's convolution layer (a cross-correlation): (N,C,H,W) with filters (FN,C,FH,FW) gives
 * (N,FN,OH,OW). One fused {@code conv2d} node; the book's composed form {@code im2col → dot (with
 * Wᵀ as a GEMM flag) → + b → reshape → transpose} is {@link
 * dev.tapegrad.autograd.ops.Conv2d#composed}, and is the node's expansion.
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
          name
              + ": filters "
              + Shape.format(weight.shape())
              + " and bias "
              + Shape.format(bias.shape())
              + " do not form a convolution");
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
          name()
              + ": input "
              + Shape.format(x.shape())
              + " does not match filters "
              + Shape.format(w)
              + " (expected (N,"
              + w[1]
              + ",H,W))");
    }
    return x.conv2d(weight, bias, stride, pad);
  }
}
