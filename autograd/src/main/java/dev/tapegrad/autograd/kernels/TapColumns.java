package dev.tapegrad.autograd.kernels;

import java.util.Arrays;

/**
 * im2col in the tap-major layout: an (n,c,h,w) image becomes a (c·fh·fw, n·oh·ow) matrix with one
 * row per filter tap {@code (c, ky, kx)} and one column per output position {@code (n, oy, ox)},
 * the transpose of the book's layout. A row holds, for each output row {@code oy}, a run of image
 * row {@code oy·stride − pad + ky} (a plain copy when the stride is 1), with zeros where the window
 * hangs over the padding. {@code filters · columns} is then the convolution with one GEMM, laid out
 * (filters, n·oh·ow). The adjoint adds columns back into an image. Images are split across cores:
 * each touches its own columns and its own planes.
 */
public final class TapColumns {
  private TapColumns() {}

  /**
   * Overwrites all of {@code columns} (length {@code taps·positions}) with {@code image}'s windows.
   */
  public static void im2col(double[] image, ConvGeometry g, double[] columns) {
    transfer(image, columns, true, g);
  }

  /** Adjoint of {@link #im2col}: adds every column value into {@code image} at its tap's pixel. */
  public static void col2imAdd(double[] columns, ConvGeometry g, double[] image) {
    transfer(image, columns, false, g);
  }

  private static void transfer(
      double[] image, double[] columns, boolean toColumns, ConvGeometry g) {
    Parallel.forRange(
        g.n(),
        (long) g.taps() * g.positionsPerImage(),
        (first, last) -> {
          for (int img = first; img < last; img++) {
            transferImage(image, columns, toColumns, g, img);
          }
        });
  }

  private static void transferImage(
      double[] image, double[] columns, boolean toColumns, ConvGeometry g, int img) {
    int oh = g.oh();
    int ow = g.ow();
    int stride = g.stride();
    int pad = g.pad();
    for (int c = 0; c < g.channels(); c++) {
      int plane = (img * g.channels() + c) * g.h();
      for (int ky = 0; ky < g.fh(); ky++) {
        for (int kx = 0; kx < g.fw(); kx++) {
          int tap = (c * g.fh() + ky) * g.fw() + kx;
          int rowStart = tap * g.positions() + img * oh * ow;
          int ox0 = firstInside(kx, pad, stride, ow);
          int ox1 = Math.max(ox0, endInside(kx, g.w(), pad, stride, ow));
          for (int oy = 0; oy < oh; oy++) {
            int at = rowStart + oy * ow;
            int y = oy * stride - pad + ky;
            if (y < 0 || y >= g.h()) {
              if (toColumns) {
                Arrays.fill(columns, at, at + ow, 0.0);
              }
              continue;
            }
            int from = (plane + y) * g.w() + ox0 * stride - pad + kx;
            if (toColumns) {
              Arrays.fill(columns, at, at + ox0, 0.0);
              copyRun(image, from, stride, columns, at + ox0, ox1 - ox0);
              Arrays.fill(columns, at + ox1, at + ow, 0.0);
            } else {
              addRun(columns, at + ox0, image, from, stride, ox1 - ox0);
            }
          }
        }
      }
    }
  }

  /** Copies {@code count} image values, {@code stride} apart, into consecutive column values. */
  private static void copyRun(
      double[] image, int from, int stride, double[] columns, int to, int count) {
    if (stride == 1) {
      System.arraycopy(image, from, columns, to, count);
      return;
    }
    for (int k = 0, i = from; k < count; k++, i += stride) {
      columns[to + k] = image[i];
    }
  }

  /** Adds {@code count} consecutive column values into image values {@code stride} apart. */
  private static void addRun(
      double[] columns, int from, double[] image, int to, int stride, int count) {
    if (stride == 1) {
      for (int k = 0; k < count; k++) {
        image[to + k] += columns[from + k];
      }
      return;
    }
    for (int k = 0, i = to; k < count; k++, i += stride) {
      image[i] += columns[from + k];
    }
  }

  /** The first output column whose tap {@code kx} lands inside the image (not left of it). */
  private static int firstInside(int kx, int pad, int stride, int ow) {
    int overhang = pad - kx;
    return overhang <= 0 ? 0 : Math.min(ow, (overhang + stride - 1) / stride);
  }

  /** One past the last output column whose tap {@code kx} lands inside an image {@code w} wide. */
  private static int endInside(int kx, int w, int pad, int stride, int ow) {
    return Math.max(0, Math.min(ow, Math.floorDiv(w - 1 + pad - kx, stride) + 1));
  }
}
