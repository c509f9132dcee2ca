package dev.tapegrad.autograd.kernels;

/**
 * Moves a convolution's output between the (filters, n·oh·ow) layout a tap-major GEMM produces and
 * the book's (n, filters, oh, ow) images: each (image, filter) plane is one contiguous run in both,
 * so either direction is a streaming copy. The forward direction adds the bias on the way; the
 * backward direction sums each filter's gradient on the way (the bias gradient).
 */
public final class ChannelMajor {
  private ChannelMajor() {}

  /** A new (n, filters, oh, ow) array: {@code byFilter[f, (img, p)] + bias[f]}. */
  public static double[] toImages(double[] byFilter, double[] bias, ConvGeometry g) {
    int filters = g.filters();
    int plane = g.positionsPerImage();
    int positions = g.positions();
    double[] images = Workspace.take(g.n() * filters * plane);
    Parallel.forRange(
        g.n(),
        (long) filters * plane,
        (first, last) -> {
          for (int img = first; img < last; img++) {
            for (int f = 0; f < filters; f++) {
              int from = f * positions + img * plane;
              int to = (img * filters + f) * plane;
              double b = bias[f];
              for (int p = 0; p < plane; p++) {
                images[to + p] = byFilter[from + p] + b;
              }
            }
          }
        });
    return images;
  }

  /**
   * Writes (n, filters, oh, ow) {@code images} into {@code byFilter} as (filters, n·oh·ow) and
   * returns each filter's sum over images and positions.
   */
  public static double[] fromImages(double[] images, ConvGeometry g, double[] byFilter) {
    int filters = g.filters();
    int plane = g.positionsPerImage();
    int positions = g.positions();
    double[] sums = new double[filters];
    Parallel.forRange(
        filters,
        positions,
        (first, last) -> {
          for (int f = first; f < last; f++) {
            double sum = 0;
            for (int img = 0; img < g.n(); img++) {
              int from = (img * filters + f) * plane;
              int to = f * positions + img * plane;
              for (int p = 0; p < plane; p++) {
                double v = images[from + p];
                byFilter[to + p] = v;
                sum += v;
              }
            }
            sums[f] = sum;
          }
        });
    return sums;
  }
}
