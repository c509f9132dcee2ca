package dev.tapegrad.layers.optim;

/**
 * The shared part of the two momentum methods ({@link Momentum}, {@link Nesterov}): a momentum
 * factor in [0, 1) and one velocity slot {@code v} per parameter.
 */
abstract class VelocityOptimizer extends Optimizer {
  /** The momentum factor (the book's alpha, the repository's mu). */
  protected final double momentum;

  VelocityOptimizer(String kind, double learningRate, double momentum) {
    super(kind, learningRate, "v");
    this.momentum =
        Hyperparameters.fraction("momentum factor of " + getClass().getSimpleName(), momentum);
  }

  /** The momentum factor. */
  public final double momentum() {
    return momentum;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(lr=" + learningRate() + ", momentum=" + momentum + ")";
  }
}
