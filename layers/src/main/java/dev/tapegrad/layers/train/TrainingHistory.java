package dev.tapegrad.layers.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Everything a training run measured: the loss of every iteration and each epoch's evaluation. */
public final class TrainingHistory {
  private final List<Double> losses = new ArrayList<>();
  private final List<EpochResult> epochs = new ArrayList<>();

  void addLoss(double loss) {
    losses.add(loss);
  }

  void addEpoch(EpochResult result) {
    epochs.add(result);
  }

  /** The mini-batch loss of every iteration, in order. */
  public List<Double> losses() {
    return Collections.unmodifiableList(losses);
  }

  /** The evaluations, starting with epoch 0 (before training). */
  public List<EpochResult> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** The last evaluation. */
  public EpochResult last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch has been evaluated");
    }
    return epochs.get(epochs.size() - 1);
  }

  /**
   * CSV with a header: {@code epoch,mean_loss,train_accuracy,test_accuracy,seconds,eval_seconds}
   * ({@code seconds}: the training steps; {@code eval_seconds}: the accuracies after them).
   */
  public String epochsCsv() {
    StringBuilder sb =
        new StringBuilder("epoch,mean_loss,train_accuracy,test_accuracy,seconds,eval_seconds\n");
    for (EpochResult e : epochs) {
      sb.append(e.epoch())
          .append(',')
          .append(e.meanLoss())
          .append(',')
          .append(e.trainAccuracy())
          .append(',')
          .append(e.testAccuracy())
          .append(',')
          .append(e.seconds())
          .append(',')
          .append(e.evaluationSeconds())
          .append('\n');
    }
    return sb.toString();
  }
}
