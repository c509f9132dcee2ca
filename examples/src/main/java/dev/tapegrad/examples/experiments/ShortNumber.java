package dev.tapegrad.examples.experiments;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers rounded to a few significant digits and written as Python prints floats, as in the book's
 * printed results ({@code lr:0.0092, weight decay:3.86e-07}): plain decimals from 1e-4 up, an
 * exponent of at least two digits below that.
 */
public final class ShortNumber {
  private ShortNumber() {}

  /** {@code value} rounded to {@code digits} significant digits, trailing zeros dropped. */
  public static String format(double value, int digits) {
    if (digits < 1) {
      throw new IllegalArgumentException("significant digits must be at least 1, got " + digits);
    }
    if (value == 0 || !Double.isFinite(value)) {
      return String.valueOf(value);
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
    double magnitude = Math.abs(rounded.doubleValue());
    if (magnitude >= 1e-4 && magnitude < 1e16) {
      return rounded.toPlainString();
    }
    int exponent = rounded.precision() - rounded.scale() - 1;
    return rounded.movePointLeft(exponent).toPlainString()
        + String.format(Locale.ROOT, "e%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
  }
}
