package dev.tapegrad.examples.experiments;

import dev.tapegrad.layers.train.EpochResult;
import dev.tapegrad.layers.train.TrainingHistory;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Chart series from training results: accuracies per epoch out of a {@link TrainingHistory}, and
 * values a chart can draw (a diverged run's infinities become NaN, which a chart leaves as a gap).
 */
public final class Curves {
  private Curves() {}

  /** Training accuracy per evaluation, epoch 0 (before training) first. */
  public static double[] trainAccuracy(TrainingHistory history) {
    return perEpoch(history, EpochResult::trainAccuracy);
  }

  /** Accuracy on the held-out set (test or validation) per evaluation, epoch 0 first. */
  public static double[] testAccuracy(TrainingHistory history) {
    return perEpoch(history, EpochResult::testAccuracy);
  }

  /** The values with every infinity replaced by NaN. */
  public static double[] drawable(double[] values) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (Double.isInfinite(out[i])) {
        out[i] = Double.NaN;
      }
    }
    return out;
  }

  /** Whether at least one value is finite, so that a chart can draw the series. */
  public static boolean anyFinite(double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        return true;
      }
    }
    return false;
  }

  /** The first epoch (1-based) whose mean training loss is not finite, or 0 if there is none. */
  public static int firstNonFiniteEpoch(TrainingHistory history) {
    for (EpochResult e : history.epochs()) {
      if (e.epoch() > 0 && !Double.isFinite(e.meanLoss())) {
        return e.epoch();
      }
    }
    return 0;
  }

  private static double[] perEpoch(TrainingHistory history, ToDoubleFunction<EpochResult> value) {
    List<EpochResult> epochs = history.epochs();
    double[] out = new double[epochs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value.applyAsDouble(epochs.get(i));
    }
    return out;
  }
}
