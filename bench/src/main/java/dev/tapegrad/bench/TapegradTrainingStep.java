package dev.tapegrad.bench;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.optim.Optimizer;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One tapegrad training step on a fixed batch, as a user writes it: clear the gradients, record the
 * loss on a tape, backward, let the optimizer update the parameters. The tape recycles its values
 * when it closes after every step (the loss is read inside it), so the next step's results reuse
 * warm arrays instead of fresh ones.
 */
public final class TapegradTrainingStep implements PreparedStep {
  private final BiFunction<Tensor, int[], Tensor> loss;
  private final Map<String, Tensor> parameters;
  private final Optimizer optimizer;
  private final Tensor x;
  private final int[] labels;
  private double lastLoss = Double.NaN;

  /**
   * @param loss the network's loss for a batch and its labels
   * @param parameters the network's parameters (asked once, not every step)
   */
  public TapegradTrainingStep(
      BiFunction<Tensor, int[], Tensor> loss,
      Map<String, Tensor> parameters,
      Optimizer optimizer,
      Tensor x,
      int[] labels) {
    this.loss = loss;
    this.parameters = parameters;
    this.optimizer = optimizer;
    this.x = x;
    this.labels = labels.clone();
  }

  @Override
  public void run() {
    parameters.values().forEach(Tensor::zeroGrad);
    try (Tape tape = Tape.record().recycling()) {
      Tensor value = loss.apply(x, labels);
      tape.backward(value);
      lastLoss = value.item();
    }
    optimizer.step(parameters);
  }

  /** The loss of the latest step (NaN before the first). */
  public double lastLoss() {
    return lastLoss;
  }
}
