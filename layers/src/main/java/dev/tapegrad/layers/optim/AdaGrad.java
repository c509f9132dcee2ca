package dev.tapegrad.layers.optim;

/**
 * AdaGrad, the book's equations 6.5 and 6.6: {@code h += g * g; p -= lr * g / (sqrt(h) + 1e-7)}.
 * Each element's step shrinks with the sum of its squared gradients so far. Default learning rate
 * 0.01. State: {@code adagrad/h/<parameter>}.
 */
public final class AdaGrad extends Optimizer {
  /** The book's default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;

  /** AdaGrad with learning rate 0.01. */
  public AdaGrad() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** AdaGrad with the given learning rate. */
  public AdaGrad(double learningRate) {
    super("adagrad", learningRate, "h");
  }

  @Override
  protected void update(double[] param, double[] grad, double[][] slots, int from, int to) {
    double lr = learningRate();
    double[] h = slots[0];
    for (int i = from; i < to; i++) {
      h[i] += grad[i] * grad[i];
      param[i] -= lr * grad[i] / (Math.sqrt(h[i]) + EPSILON);
    }
  }
}
