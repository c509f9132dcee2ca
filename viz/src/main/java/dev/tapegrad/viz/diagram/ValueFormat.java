package dev.tapegrad.viz.diagram;

import dev.tapegrad.autograd.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The short text a diagram shows for a value: a rounded number for a one-element tensor ({@code
 * 220}, {@code 2.2}, never {@code 220.00000000000003}), the shape for any other ({@code (2,3)},
 * {@code (3,)}).
 */
public final class ValueFormat {
  /** Significant digits kept for a number. */
  public static final int DIGITS = 4;

  private ValueFormat() {}

  /** The label of {@code t}; empty for {@code null}. */
  public static String of(Tensor t) {
    if (t == null) {
      return "";
    }
    return t.size() == 1 ? number(t.data()[0]) : shape(t.shape());
  }

  /** {@code (2,3)}, {@code (3,)} for one dimension, {@code ()} for none. */
  public static String shape(int[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ",").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /**
   * {@link #DIGITS} significant digits without trailing zeros: {@code 715}, {@code 3.3}, {@code
   * -0.8}, {@code 0.0001235}; scientific ({@code 1.235e+06}, {@code 1e-05}) outside [1e-4, 1e6).
   */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(DIGITS)).stripTrailingZeros();
    double abs = Math.abs(d.doubleValue());
    if (abs >= 1e-4 && abs < 1e6) {
      return d.toPlainString();
    }
    String mantissa = d.unscaledValue().abs().toString();
    int exponent = mantissa.length() - 1 - d.scale();
    String digits =
        mantissa.length() == 1 ? mantissa : mantissa.charAt(0) + "." + mantissa.substring(1);
    return (d.signum() < 0 ? "-" : "")
        + digits
        + "e"
        + (exponent < 0 ? "-" : "+")
        + String.format("%02d", Math.abs(exponent));
  }
}
