package dev.tapegrad.layers.train;

import java.util.Locale;

/**
 * One evaluation during training: epoch 0 is before any update. {@code meanLoss} is the mean of the
 * epoch's mini-batch losses (NaN for epoch 0); accuracies are measured in evaluation mode. {@code
 * seconds} is the time the epoch's training steps took (0 for epoch 0), {@code evaluationSeconds}
 * the time the two accuracies after it took; their sum is the epoch's wall time.
 */
public record EpochResult(
    int epoch,
    double meanLoss,
    double trainAccuracy,
    double testAccuracy,
    double seconds,
    double evaluationSeconds) {

  /**
   * One line for a log: {@code epoch 3 loss 0.2154 train acc 0.9380 test acc 0.9285 train 1.9 s
   * eval 0.4 s}.
   */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "epoch %3d  loss %s  train acc %.4f  test acc %.4f  train %.1f s  eval %.1f s",
        epoch,
        Double.isNaN(meanLoss) ? "   -  " : String.format(Locale.ROOT, "%.4f", meanLoss),
        trainAccuracy,
        testAccuracy,
        seconds,
        evaluationSeconds);
  }
}
