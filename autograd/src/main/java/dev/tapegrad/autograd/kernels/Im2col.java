package dev.tapegrad.autograd.kernels;

/**
 * The book's im2col / col2im layout: an (N,C,H,W) image becomes a matrix with one row per output
 * position {@code (n, oy, ox)} and one column per filter tap {@code (c, ky, kx)}; padding is zeros.
 * col2im is the adjoint: it scatters rows back and adds overlapping windows.
 */
public final class Im2col {
  private Im2col() {}

  /** Output size along one spatial axis: {@code (size + 2·pad − filter) / stride + 1}, floored. */
  public static int outSize(int size, int filter, int stride, int pad) {
    return Math.floorDiv(size + 2 * pad - filter, stride) + 1;
  }

  /** Forward: image (n,c,h,w) to columns (n·oh·ow, c·fh·fw). */
  public static double[] im2col(
      double[] x, int n, int c, int h, int w, int fh, int fw, int stride, int pad) {
    double[] col =
        new double[n * outSize(h, fh, stride, pad) * outSize(w, fw, stride, pad) * c * fh * fw];
    transfer(x, col, true, n, c, h, w, fh, fw, stride, pad);
    return col;
  }

  /** Adjoint of {@link #im2col}: columns back to an (n,c,h,w) image, overlaps added. */
  public static double[] col2im(
      double[] col, int n, int c, int h, int w, int fh, int fw, int stride, int pad) {
    double[] image = new double[n * c * h * w];
    transfer(image, col, false, n, c, h, w, fh, fw, stride, pad);
    return image;
  }

  /**
   * Visits every (window, tap) pair that lies inside the image: copies image to column when {@code
   * toColumns}, otherwise adds column into image. Taps in the padding are skipped.
   */
  private static void transfer(
      double[] image,
      double[] col,
      boolean toColumns,
      int n,
      int c,
      int h,
      int w,
      int fh,
      int fw,
      int stride,
      int pad) {
    int oh = outSize(h, fh, stride, pad);
    int ow = outSize(w, fw, stride, pad);
    int cols = c * fh * fw;
    Parallel.forRange(
        n,
        (long) oh * ow * cols,
        (first, last) ->
            transferImages(
                image, col, toColumns, first, last, c, h, w, fh, fw, stride, pad, oh, ow));
  }

  /** {@link #transfer} for images {@code first..last-1}: they touch disjoint rows and planes. */
  private static void transferImages(
      double[] image,
      double[] col,
      boolean toColumns,
      int first,
      int last,
      int c,
      int h,
      int w,
      int fh,
      int fw,
      int stride,
      int pad,
      int oh,
      int ow) {
    int cols = c * fh * fw;
    for (int img = first; img < last; img++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          int row = ((img * oh + oy) * ow + ox) * cols;
          int x0 = ox * stride - pad;
          int kx0 = Math.max(0, -x0);
          int kx1 = Math.min(fw, w - x0);
          for (int ch = 0; ch < c; ch++) {
            int plane = (img * c + ch) * h;
            for (int ky = 0; ky < fh; ky++) {
              int y = oy * stride - pad + ky;
              if (y < 0 || y >= h) {
                continue;
              }
              int colAt = row + (ch * fh + ky) * fw;
              int imageAt = (plane + y) * w + x0;
              if (toColumns) {
                for (int kx = kx0; kx < kx1; kx++) {
                  col[colAt + kx] = image[imageAt + kx];
                }
              } else {
                for (int kx = kx0; kx < kx1; kx++) {
                  image[imageAt + kx] += col[colAt + kx];
                }
              }
            }
          }
        }
      }
    }
  }
}
