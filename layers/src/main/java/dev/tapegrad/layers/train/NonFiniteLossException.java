package dev.tapegrad.layers.train;

import java.util.Locale;

/**
 * Training stopped because the loss of a mini-batch was NaN or infinite (a learning rate too large,
 * or bad input): the parameters after that step are not worth keeping. Thrown by {@link
 * Trainer#fit} unless {@link Trainer#allowDivergence()} was called.
 */
public final class NonFiniteLossException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int iteration;
  private final double loss;

  /**
   * @param epoch the 1-based epoch of the step
   * @param iteration the 1-based iteration within that epoch
   * @param loss the loss, NaN or infinite
   */
  public NonFiniteLossException(int epoch, int iteration, double loss) {
    super(
        String.format(
            Locale.ROOT,
            "loss became %s at epoch %d, iteration %d",
            Double.isNaN(loss) ? "NaN" : "infinite",
            epoch,
            iteration));
    this.epoch = epoch;
    this.iteration = iteration;
    this.loss = loss;
  }

  /** The 1-based epoch in which the loss stopped being finite. */
  public int epoch() {
    return epoch;
  }

  /** The 1-based iteration within {@link #epoch()} whose loss stopped being finite. */
  public int iteration() {
    return iteration;
  }

  /** The loss: NaN, or positive or negative infinity. */
  public double loss() {
    return loss;
  }
}
