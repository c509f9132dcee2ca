package dev.tapegrad.layers.optim;

/**
 * Momentum SGD, the book's equations 6.3 and 6.4: {@code v = momentum * v - lr * g; p += v}.
 * Defaults: learning rate 0.01, momentum 0.9. State: the velocity {@code momentum/v/<parameter>}.
 */
public final class Momentum extends VelocityOptimizer {
  /** The book's default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;

  /** The book's default momentum (alpha). */
  public static final double DEFAULT_MOMENTUM = 0.9;

  /** Momentum with learning rate 0.01 and momentum 0.9. */
  public Momentum() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** Momentum with the given learning rate and momentum 0.9. */
  public Momentum(double learningRate) {
    this(learningRate, DEFAULT_MOMENTUM);
  }

  /** Momentum with the given learning rate and momentum in [0, 1). */
  public Momentum(double learningRate, double momentum) {
    super("momentum", learningRate, momentum);
  }

  @Override
  protected void update(double[] param, double[] grad, double[][] slots, int from, int to) {
    double lr = learningRate();
    double[] v = slots[0];
    for (int i = from; i < to; i++) {
      v[i] = momentum * v[i] - lr * grad[i];
      param[i] += v[i];
    }
  }
}
