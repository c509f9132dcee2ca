package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Im2col;
import dev.tapegrad.layers.Module;

/**
 * The book's max pooling, composed as {@code im2col → reshape → max → reshape → transpose}; the
 * gradient goes to the first maximum of each window. Channels are pooled independently.
 */
public final class Pooling extends Module {
  private final int poolH;
  private final int poolW;
  private final int stride;
  private final int pad;

  /** Window {@code poolH × poolW}; the book's networks use 2×2 with stride 2. */
  public Pooling(String name, int poolH, int poolW, int stride, int pad) {
    super(name);
    this.poolH = poolH;
    this.poolW = poolW;
    this.stride = stride;
    this.pad = pad;
  }

  /** 2×2 windows with stride 2, as in the book's networks. */
  public Pooling(String name) {
    this(name, 2, 2, 2, 0);
  }

  @Override
  public Tensor forward(Tensor x) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException(
          name() + ": expected an (N,C,H,W) input, got " + Shape.format(x.shape()));
    }
    int n = x.dim(0);
    int c = x.dim(1);
    int oh = Im2col.outSize(x.dim(2), poolH, stride, pad);
    int ow = Im2col.outSize(x.dim(3), poolW, stride, pad);
    Tensor windows = x.im2col(poolH, poolW, stride, pad).reshape(-1, poolH * poolW);
    return windows.max(1).reshape(n, oh, ow, c).transpose(0, 3, 1, 2);
  }
}
