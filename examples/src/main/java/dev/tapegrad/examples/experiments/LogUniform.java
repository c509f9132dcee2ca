package dev.tapegrad.examples.experiments;

import java.util.random.RandomGenerator;

/**
 * A hyperparameter range sampled on a log scale, the book's {@code 10 ** np.random.uniform(a, b)}
 * (section 6.5): the exponent is uniform in [minExponent, maxExponent).
 */
public record LogUniform(double minExponent, double maxExponent) {
  public LogUniform {
    if (!(Double.isFinite(minExponent)
        && Double.isFinite(maxExponent)
        && minExponent < maxExponent)) {
      throw new IllegalArgumentException(
          "a log-uniform range needs finite exponents with min < max, got "
              + minExponent
              + ", "
              + maxExponent);
    }
  }

  /**
   * The range of an option given as {@code MIN,MAX} exponents; {@code option} names it in errors.
   *
   * @throws IllegalArgumentException unless there are exactly two finite exponents, MIN below MAX
   */
  public static LogUniform ofOption(String option, double[] exponents) {
    if (exponents.length != 2) {
      throw new IllegalArgumentException(
          option
              + " needs two exponents MIN,MAX such as -6,-2, got "
              + exponents.length
              + " values");
    }
    try {
      return new LogUniform(exponents[0], exponents[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  /** One value {@code 10^u}, u uniform in [minExponent, maxExponent). */
  public double sample(RandomGenerator rng) {
    return Math.pow(10, rng.nextDouble(minExponent, maxExponent));
  }
}
