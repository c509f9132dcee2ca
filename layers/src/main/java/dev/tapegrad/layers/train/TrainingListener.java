package dev.tapegrad.layers.train;

/**
 * Receives training progress from {@link Trainer#fit} (for a progress bar, a log, or early stopping
 * by exception): every method does nothing unless overridden. {@link ProgressPrinter} prints it.
 */
public interface TrainingListener {
  /** Before the first iteration of {@code epoch} (1-based) of {@code iterations} mini-batches. */
  default void epochStarted(int epoch, int iterations) {}

  /** After each optimizer step. */
  default void iterationFinished(int epoch, int iteration, double loss) {}

  /** After each evaluation, including the one before training (epoch 0). */
  default void epochFinished(EpochResult result) {}

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};
}
