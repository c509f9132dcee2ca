package dev.tapegrad.layers.optim;

/**
 * RMSprop: AdaGrad with an exponential moving average of squared gradients instead of their sum,
 * {@code h = decay * h + (1 - decay) * g * g; p -= lr * g / (sqrt(h) + 1e-7)}. Defaults (from the
 * book's repository): learning rate 0.01, decay 0.99. State: {@code rmsprop/h/<parameter>}.
 */
public final class RmsProp extends Optimizer {
  /** The repository's default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;

  /** The repository's default decay rate (rho). */
  public static final double DEFAULT_DECAY = 0.99;

  private final double decay;

  /** RMSprop with learning rate 0.01 and decay 0.99. */
  public RmsProp() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** RMSprop with the given learning rate and decay 0.99. */
  public RmsProp(double learningRate) {
    this(learningRate, DEFAULT_DECAY);
  }

  /** RMSprop with the given learning rate and decay in [0, 1). */
  public RmsProp(double learningRate, double decay) {
    super("rmsprop", learningRate, "h");
    this.decay = Hyperparameters.fraction("RMSprop decay", decay);
  }

  /** The decay rate of the squared-gradient average (rho). */
  public double decay() {
    return decay;
  }

  @Override
  protected void update(double[] param, double[] grad, double[][] slots, int from, int to) {
    double lr = learningRate();
    double[] h = slots[0];
    for (int i = from; i < to; i++) {
      h[i] *= decay;
      h[i] += (1 - decay) * grad[i] * grad[i];
      param[i] -= lr * grad[i] / (Math.sqrt(h[i]) + EPSILON);
    }
  }

  @Override
  public String toString() {
    return "RmsProp(lr=" + learningRate() + ", decay=" + decay + ")";
  }
}
