package dev.tapegrad.autograd;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * NumPy-style text of a tensor: nested brackets, aligned columns, eight significant digits, and
 * only the first and last three entries per axis (with {@code ...}) once it has over 1000 values.
 */
final class TensorFormat {
  private static final int THRESHOLD = 1000;
  private static final int EDGE = 3;

  private TensorFormat() {}

  static String format(Tensor t) {
    int[] shape = t.shape();
    double[] data = t.data();
    if (shape.length == 0) {
      return number(data[0]);
    }
    boolean summarize = data.length > THRESHOLD;
    boolean integral = true;
    for (double v : data) {
      integral &= v == Math.rint(v) && Math.abs(v) < 1e16;
    }
    String[] text = new String[data.length];
    for (int i = 0; i < data.length; i++) {
      text[i] = integral ? (long) data[i] + "." : number(data[i]);
    }
    alignDecimalPoints(text);
    int width = 0;
    for (String s : text) {
      width = Math.max(width, s.length());
    }
    StringBuilder sb = new StringBuilder();
    append(sb, text, width, shape, Shape.strides(shape), 0, 0, summarize);
    return sb.toString();
  }

  private static void append(
      StringBuilder sb, String[] text, int width, int[] shape, int[] strides,
      int axis, int offset, boolean summarize) {
    int n = shape[axis];
    sb.append('[');
    for (int i = 0; i < n; i++) {
      if (summarize && n > 2 * EDGE && i == EDGE) {
        sb.append(axis == shape.length - 1 ? "... " : "...\n" + " ".repeat(axis + 1));
        i = n - EDGE;
      }
      if (axis == shape.length - 1) {
        String s = text[offset + i * strides[axis]];
        sb.append(" ".repeat(width - s.length())).append(s);
        if (i < n - 1) {
          sb.append(' ');
        }
      } else {
        append(sb, text, width, shape, strides, axis + 1, offset + i * strides[axis], summarize);
        if (i < n - 1) {
          sb.append("\n".repeat(shape.length - 1 - axis)).append(" ".repeat(axis + 1));
        }
      }
    }
    sb.append(']');
  }

  /**
   * Pads every entry so the decimal points line up, as NumPy does ({@code [ 1.  -2.5]}); entries
   * in exponent notation are left as they are.
   */
  private static void alignDecimalPoints(String[] text) {
    int left = 0;
    int right = 0;
    for (String s : text) {
      int dot = s.indexOf('.');
      if (dot < 0 || s.contains("e")) {
        return;
      }
      left = Math.max(left, dot);
      right = Math.max(right, s.length() - dot);
    }
    for (int i = 0; i < text.length; i++) {
      int dot = text[i].indexOf('.');
      text[i] = " ".repeat(left - dot) + text[i] + " ".repeat(right - (text[i].length() - dot));
    }
  }

  /** Eight significant digits, trailing zeros dropped: 0.31682708, 1e-07, 220.0. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0.";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(8)).stripTrailingZeros();
    double abs = Math.abs(v);
    if (abs >= 1e-4 && abs < 1e16) {
      String s = d.toPlainString();
      return s.contains(".") ? s : s + ".";
    }
    return d.toString().replace("E", "e").replace("e+", "e+");
  }
}
