package dev.tapegrad.autograd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * NumPy-style text of a tensor, following NumPy's default print options: nested brackets; at most
 * eight fractional digits, fewer when they suffice; decimal points aligned; scientific notation
 * when values span more than three orders of magnitude or go below 1e-4 or above 1e8; and only the
 * first and last three entries per axis (with {@code ...}) once there are over 1000 values.
 */
final class TensorFormat {
  private static final int THRESHOLD = 1000;
  private static final int EDGE = 3;
  private static final int PRECISION = 8;

  private TensorFormat() {}

  static String format(Tensor t) {
    int[] shape = t.shape();
    double[] data = t.toArray();
    if (shape.length == 0) {
      return scalar(data[0]);
    }
    String[] text = useScientific(data) ? scientific(data) : fixed(data);
    int width = 0;
    for (String s : text) {
      width = Math.max(width, s.length());
    }
    StringBuilder sb = new StringBuilder();
    append(sb, text, width, shape, Shape.strides(shape), 0, 0, data.length > THRESHOLD);
    return sb.toString();
  }

  private static boolean useScientific(double[] data) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double v : data) {
      double a = Math.abs(v);
      if (Double.isFinite(v) && a != 0) {
        min = Math.min(min, a);
        max = Math.max(max, a);
      }
    }
    return max > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
  }

  /** Up to eight fractional digits each, decimal points aligned with spaces. */
  private static String[] fixed(double[] data) {
    String[] text = new String[data.length];
    int left = 0;
    int right = 0;
    for (int i = 0; i < data.length; i++) {
      double v = data[i];
      if (!Double.isFinite(v)) {
        text[i] = nonFinite(v);
        continue;
      }
      String s =
          BigDecimal.valueOf(v)
              .setScale(PRECISION, RoundingMode.HALF_EVEN)
              .stripTrailingZeros()
              .toPlainString();
      if (!s.contains(".")) {
        s = s + ".";
      }
      if (s.startsWith("-0") && v == 0) {
        s = "-0.";
      }
      text[i] = s;
      left = Math.max(left, s.indexOf('.'));
      right = Math.max(right, s.length() - s.indexOf('.'));
    }
    for (int i = 0; i < text.length; i++) {
      int dot = text[i].indexOf('.');
      if (dot >= 0) {
        text[i] = " ".repeat(left - dot) + text[i] + " ".repeat(right - (text[i].length() - dot));
      }
    }
    return text;
  }

  /** One mantissa precision for all (the most any value needs, at most eight). */
  private static String[] scientific(double[] data) {
    int digits = 0;
    for (double v : data) {
      if (Double.isFinite(v) && v != 0) {
        BigDecimal m =
            new BigDecimal(String.format(Locale.ROOT, "%." + PRECISION + "e", v).split("e")[0]);
        digits = Math.max(digits, Math.max(0, m.stripTrailingZeros().scale()));
      }
    }
    String[] text = new String[data.length];
    for (int i = 0; i < data.length; i++) {
      double v = data[i];
      if (!Double.isFinite(v)) {
        text[i] = nonFinite(v);
      } else {
        String s = String.format(Locale.ROOT, "%." + digits + "e", v);
        text[i] = digits == 0 ? s.replace("e", ".e") : s;
      }
    }
    return text;
  }

  private static void append(
      StringBuilder sb,
      String[] text,
      int width,
      int[] shape,
      int[] strides,
      int axis,
      int offset,
      boolean summarize) {
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

  /** A 0-d tensor prints its shortest exact repr, as NumPy does: 2.5, 220.00000000000003. */
  private static String scalar(double v) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    String s = Double.toString(v);
    if (s.contains("E")) {
      String[] parts = s.split("E");
      int exp = Integer.parseInt(parts[1]);
      String mantissa =
          parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
      return mantissa + String.format(Locale.ROOT, "e%s%02d", exp < 0 ? "-" : "+", Math.abs(exp));
    }
    return s.endsWith(".0") ? s.substring(0, s.length() - 1) : s;
  }

  private static String nonFinite(double v) {
    return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  }
}
