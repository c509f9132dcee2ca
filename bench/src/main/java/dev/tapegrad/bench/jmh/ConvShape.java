package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.kernels.Im2col;

/**
 * The windowed layers of SimpleConvNet and DeepConvNet at batch 100: input (N,C,H,W), output
 * channels (a convolution's filter count; a pooling layer keeps its channels), window, stride and
 * pad, as im2col sees them.
 */
public enum ConvShape {
  SIMPLE_CONV1(1, 28, 28, 30, 5, 1, 0),
  SIMPLE_POOL1(30, 24, 24, 30, 2, 2, 0),
  DEEP_CONV1(1, 28, 28, 16, 3, 1, 1),
  DEEP_CONV2(16, 28, 28, 16, 3, 1, 1),
  DEEP_POOL1(16, 28, 28, 16, 2, 2, 0),
  DEEP_CONV3(16, 14, 14, 32, 3, 1, 1),
  DEEP_CONV4(32, 14, 14, 32, 3, 1, 2),
  DEEP_POOL2(32, 16, 16, 32, 2, 2, 0),
  DEEP_CONV5(32, 8, 8, 64, 3, 1, 1),
  DEEP_CONV6(64, 8, 8, 64, 3, 1, 1),
  DEEP_POOL3(64, 8, 8, 64, 2, 2, 0);

  static final int BATCH = 100;

  final int c;
  final int h;
  final int w;
  final int outChannels;
  final int window;
  final int stride;
  final int pad;

  ConvShape(int c, int h, int w, int outChannels, int window, int stride, int pad) {
    this.c = c;
    this.h = h;
    this.w = w;
    this.outChannels = outChannels;
    this.window = window;
    this.stride = stride;
    this.pad = pad;
  }

  int imageSize() {
    return BATCH * c * h * w;
  }

  int columnsSize() {
    return BATCH
        * Im2col.outSize(h, window, stride, pad)
        * Im2col.outSize(w, window, stride, pad)
        * c
        * window
        * window;
  }

  int[] imageShape() {
    return new int[] {BATCH, c, h, w};
  }
}
