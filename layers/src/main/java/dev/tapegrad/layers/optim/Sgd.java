package dev.tapegrad.layers.optim;

/**
 * Stochastic gradient descent, the book's equation 6.1: {@code p -= lr * g}. Default learning rate
 * 0.01. Keeps no state besides the step count.
 */
public final class Sgd extends Optimizer {
  /** The book's default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;

  /** SGD with learning rate 0.01. */
  public Sgd() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** SGD with the given learning rate. */
  public Sgd(double learningRate) {
    super("sgd", learningRate);
  }

  @Override
  protected void update(double[] param, double[] grad, double[][] slots, int from, int to) {
    double lr = learningRate();
    for (int i = from; i < to; i++) {
      param[i] -= lr * grad[i];
    }
  }
}
