package dev.tapegrad.examples.experiments;

import dev.tapegrad.layers.train.TrainingHistory;
import java.util.Comparator;

/**
 * One run of the book's random hyperparameter search (section 6.5): its number (from 1), the
 * sampled learning rate and weight decay, and the training history whose held-out accuracy is the
 * validation accuracy.
 */
public record SearchTrial(
    int number, double learningRate, double weightDecay, TrainingHistory history) {
  /** Best final validation accuracy first; equal ones in trial order. */
  public static final Comparator<SearchTrial> BEST_FIRST =
      Comparator.comparingDouble(SearchTrial::validationAccuracy)
          .reversed()
          .thenComparingInt(SearchTrial::number);

  /** The validation accuracy after the last epoch (the book ranks by it). */
  public double validationAccuracy() {
    return history.last().testAccuracy();
  }

  /** The training accuracy after the last epoch. */
  public double trainAccuracy() {
    return history.last().trainAccuracy();
  }

  /** The book's description {@code lr:0.0092, weight decay:3.86e-07} (three significant digits). */
  public String hyperparameters() {
    return "lr:"
        + ShortNumber.format(learningRate, 3)
        + ", weight decay:"
        + ShortNumber.format(weightDecay, 3);
  }
}
