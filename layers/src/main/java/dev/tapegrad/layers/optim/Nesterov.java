package dev.tapegrad.layers.optim;

/**
 * Nesterov's accelerated gradient in the reformulation of Bengio et al. (arXiv 1212.0901), as
 * BOOK.md section 6.1 gives it: {@code p += mu² * v; p -= (1 + mu) * lr * g; v = mu * v - lr * g}.
 * The parameter moves with the velocity of the previous step, then the velocity is updated.
 * Defaults: learning rate 0.01, momentum 0.9. State: {@code nesterov/v/<parameter>}.
 *
 * <p>The official repository's current {@code common/optimizer.py} updates {@code v} first and then
 * moves {@code p} with the new velocity; that variant gives other numbers from the first step on
 * (BOOK.md's order is the paper's).
 */
public final class Nesterov extends VelocityOptimizer {
  /** The repository's default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;

  /** The repository's default momentum (mu). */
  public static final double DEFAULT_MOMENTUM = 0.9;

  /** Nesterov with learning rate 0.01 and momentum 0.9. */
  public Nesterov() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** Nesterov with the given learning rate and momentum 0.9. */
  public Nesterov(double learningRate) {
    this(learningRate, DEFAULT_MOMENTUM);
  }

  /** Nesterov with the given learning rate and momentum in [0, 1). */
  public Nesterov(double learningRate, double momentum) {
    super("nesterov", learningRate, momentum);
  }

  @Override
  protected void update(double[] param, double[] grad, double[][] slots, int from, int to) {
    double lr = learningRate();
    double[] v = slots[0];
    for (int i = from; i < to; i++) {
      param[i] += momentum * momentum * v[i];
      param[i] -= (1 + momentum) * lr * grad[i];
      v[i] *= momentum;
      v[i] -= lr * grad[i];
    }
  }
}
