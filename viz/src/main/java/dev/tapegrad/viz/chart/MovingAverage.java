package dev.tapegrad.viz.chart;

import java.util.Objects;

/**
 * Trailing moving average for noisy training curves such as the loss per iteration: point {@code i}
 * is the mean of the last {@code window} values up to and including {@code i}. The first {@code
 * window - 1} points average the values seen so far, so the result is as long as the input and
 * starts at the first value. A NaN makes every window that contains it NaN (a gap in the chart),
 * and only those.
 */
public final class MovingAverage {

  private MovingAverage() {}

  /**
   * The trailing moving average of {@code values} over {@code window} points (window 1 is a copy).
   */
  public static double[] smooth(double[] values, int window) {
    Objects.requireNonNull(values, "values");
    Checks.atLeast("moving-average window", window, 1);
    double[] smoothed = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      int first = Math.max(0, i - window + 1);
      double sum = 0;
      for (int j = first; j <= i; j++) {
        sum += values[j];
      }
      smoothed[i] = sum / (i - first + 1);
    }
    return smoothed;
  }
}
