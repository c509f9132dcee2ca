package dev.tapegrad.autograd.kernels;

/**
 * The sizes of one convolution: input (n, channels, h, w), filters (filters, channels, fh, fw),
 * stride and zero padding, and the output size that follow from them as in the book's im2col.
 */
public record ConvGeometry(
    int n, int channels, int h, int w, int filters, int fh, int fw, int stride, int pad) {

  /** Output height, {@code (h + 2·pad − fh)/stride + 1} floored. */
  public int oh() {
    return Im2col.outSize(h, fh, stride, pad);
  }

  /** Output width, {@code (w + 2·pad − fw)/stride + 1} floored. */
  public int ow() {
    return Im2col.outSize(w, fw, stride, pad);
  }

  /** Filter taps per output value, {@code channels·fh·fw}: the GEMM's inner dimension. */
  public int taps() {
    return channels * fh * fw;
  }

  /** Output positions of one image, {@code oh·ow}. */
  public int positionsPerImage() {
    return oh() * ow();
  }

  /** Output positions of the whole batch, {@code n·oh·ow}. */
  public int positions() {
    return n * positionsPerImage();
  }
}
