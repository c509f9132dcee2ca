package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.MaxPool2d;
import dev.tapegrad.layers.Module;

/**
 * The book's max pooling layer: one fused {@code maxPool} node (which expands to the book's {@code
 * im2col → reshape → max → reshape → transpose}); the gradient goes to the first maximum of each
 * window. Channels are pooled independently.
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
    return MaxPool2d.fused(x, poolH, poolW, stride, pad);
  }
}
