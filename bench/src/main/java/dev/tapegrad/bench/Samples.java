package dev.tapegrad.bench;

import java.util.Arrays;

/** Wall-clock times of the timed repetitions of one workload on one peer, in milliseconds. */
public record Samples(double[] millis) {

  public Samples {
    if (millis.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    for (double v : millis) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("sample times must be finite and >= 0, got " + v);
      }
    }
    millis = millis.clone();
  }

  /** The number of timed repetitions. */
  public int count() {
    return millis.length;
  }

  /** The median (mean of the two middle values for an even count). */
  public double median() {
    return quantile(0.5);
  }

  /**
   * The {@code q}-quantile with linear interpolation between order statistics (NumPy's default
   * method), for {@code q} in [0, 1].
   */
  public double quantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  @Override
  public double[] millis() {
    return millis.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Samples that && Arrays.equals(millis, that.millis);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(millis);
  }

  @Override
  public String toString() {
    return "Samples" + Arrays.toString(millis);
  }
}
