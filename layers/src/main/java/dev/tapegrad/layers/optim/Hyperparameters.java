package dev.tapegrad.layers.optim;

/** Range checks for optimizer hyperparameters, with messages that name the value. */
final class Hyperparameters {
  private Hyperparameters() {}

  /** {@code value} if it is positive and finite, else an {@link IllegalArgumentException}. */
  static double positive(String what, double value) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(what + " must be positive and finite, got " + value);
    }
    return value;
  }

  /** {@code value} if it is in [0, 1) (a decay or momentum factor), else an exception. */
  static double fraction(String what, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1), got " + value);
    }
    return value;
  }
}
