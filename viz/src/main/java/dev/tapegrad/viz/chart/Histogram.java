package dev.tapegrad.viz.chart;

import java.util.Objects;

/**
 * Counts of values in equal-width bins over [min, max], like NumPy's {@code histogram(values, bins,
 * range=(min, max))}: bin k holds {@code min + k·w ≤ v < min + (k+1)·w} with {@code w = (max - min)
 * / bins}, and the last bin also holds v = max. Values outside the range and NaN are not counted
 * but reported by {@link #outside()}.
 */
public final class Histogram {

  private final double min;
  private final double max;
  private final long[] counts;
  private final long outside;

  private Histogram(double min, double max, long[] counts, long outside) {
    this.min = min;
    this.max = max;
    this.counts = counts;
    this.outside = outside;
  }

  /** Bins {@code values} into {@code bins} equal bins over [min, max]. */
  public static Histogram of(double[] values, int bins, double min, double max) {
    Objects.requireNonNull(values, "values");
    Checks.atLeast("histogram bins", bins, 1);
    Checks.range("histogram range", min, max);
    long[] counts = new long[bins];
    long outside = 0;
    double width = (max - min) / bins;
    for (double v : values) {
      if (!(v >= min && v <= max)) {
        outside++;
        continue;
      }
      counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
    }
    return new Histogram(min, max, counts, outside);
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** A copy of the count per bin. */
  public long[] counts() {
    return counts.clone();
  }

  /** The bins + 1 bin edges, from min to max. */
  public double[] edges() {
    double[] edges = new double[counts.length + 1];
    for (int k = 0; k <= counts.length; k++) {
      edges[k] = k == counts.length ? max : min + k * (max - min) / counts.length;
    }
    return edges;
  }

  /** The largest bin count. */
  public long maxCount() {
    long largest = 0;
    for (long count : counts) {
      largest = Math.max(largest, count);
    }
    return largest;
  }

  /** Number of values that fell outside [min, max] or were NaN. */
  public long outside() {
    return outside;
  }
}
