package dev.tapegrad.viz.chart;

/** Argument checks shared by the chart builders, with messages that name the offending option. */
final class Checks {

  private Checks() {}

  /** Requires finite {@code low < high}; {@code what} names the range, e.g. "y range". */
  static void range(String what, double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high) || low >= high) {
      throw new IllegalArgumentException(
          what + " needs finite min < max, got [" + low + ", " + high + "]");
    }
  }

  /** Requires {@code value >= minimum}; {@code what} names the option, e.g. "columns". */
  static int atLeast(String what, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(what + " must be at least " + minimum + ", got " + value);
    }
    return value;
  }
}
