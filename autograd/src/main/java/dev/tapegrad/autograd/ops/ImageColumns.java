package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Im2col;

/**
 * im2col and col2im as differentiable ops; each is the other's backward. Layout as the book:
 * (N,C,H,W) to (N·OH·OW, C·FH·FW) with {@code OH = (H + 2P − FH)/S + 1} (floored).
 */
public final class ImageColumns {
  private ImageColumns() {}

  /**
   * The output size along one spatial axis of a window sliding over {@code size} values: {@code
   * (size + 2·pad − filter) / stride + 1}, floored (below 1: the window does not fit).
   */
  public static int outputSize(int size, int filter, int stride, int pad) {
    return Im2col.outSize(size, filter, stride, pad);
  }

  public static Tensor im2col(Tensor x, int fh, int fw, int stride, int pad) {
    int[] s = x.shape();
    if (s.length != 4) {
      throw new IllegalArgumentException(
          "im2col: expected an (N,C,H,W) input, got shape " + Shape.format(s));
    }
    int[] colShape = columnShape("im2col", s, fh, fw, stride, pad);
    double[] col = Im2col.im2col(Values.of(x), s[0], s[1], s[2], s[3], fh, fw, stride, pad);
    return window(Op.named("im2col"), fh, fw, stride, pad)
        .inputs(x)
        .record(Tensor.wrap(col, colShape), gy -> new Tensor[] {gy.col2im(s, fh, fw, stride, pad)});
  }

  public static Tensor col2im(Tensor col, int[] imageShape, int fh, int fw, int stride, int pad) {
    int[] s = imageShape.clone();
    if (s.length != 4) {
      throw new IllegalArgumentException(
          "col2im: expected an (N,C,H,W) image shape, got " + Shape.format(s));
    }
    int[] expected = columnShape("col2im", s, fh, fw, stride, pad);
    if (!java.util.Arrays.equals(col.shape(), expected)) {
      throw new IllegalArgumentException(
          "col2im: columns of shape "
              + Shape.format(col.shape())
              + " do not match image "
              + Shape.format(s)
              + " with filter "
              + fh
              + "x"
              + fw
              + ", stride "
              + stride
              + ", pad "
              + pad
              + " (expected "
              + Shape.format(expected)
              + ")");
    }
    double[] image = Im2col.col2im(Values.of(col), s[0], s[1], s[2], s[3], fh, fw, stride, pad);
    return window(Op.named("col2im"), fh, fw, stride, pad)
        .inputs(col)
        .record(Tensor.wrap(image, s), gy -> new Tensor[] {gy.im2col(fh, fw, stride, pad)});
  }

  private static int[] columnShape(String op, int[] s, int fh, int fw, int stride, int pad) {
    if (fh < 1 || fw < 1 || stride < 1 || pad < 0) {
      throw new IllegalArgumentException(
          op
              + ": filter "
              + fh
              + "x"
              + fw
              + ", stride "
              + stride
              + " and pad "
              + pad
              + " must be positive (pad non-negative)");
    }
    int oh = Im2col.outSize(s[2], fh, stride, pad);
    int ow = Im2col.outSize(s[3], fw, stride, pad);
    if (oh < 1 || ow < 1) {
      throw new IllegalArgumentException(
          op
              + ": a "
              + fh
              + "x"
              + fw
              + " filter with pad "
              + pad
              + " does not fit an image of "
              + Shape.format(s));
    }
    return new int[] {s[0] * oh * ow, s[1] * fh * fw};
  }

  private static Op window(Op op, int fh, int fw, int stride, int pad) {
    return op.attribute("filter", fh + "x" + fw).attribute("stride", stride).attribute("pad", pad);
  }
}
