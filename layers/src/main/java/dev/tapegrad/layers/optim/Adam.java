package dev.tapegrad.layers.optim;

/**
 * Adam in the book's repository form: at step {@code t}, {@code lr_t = lr * sqrt(1 - beta2^t) / (1
 * - beta1^t)} (the bias correction folded into the learning rate), {@code m += (1 - beta1) * (g -
 * m)}, {@code v += (1 - beta2) * (g² - v)}, {@code p -= lr_t * m / (sqrt(v) + 1e-7)}. Defaults:
 * learning rate 0.001, beta1 0.9, beta2 0.999. State: {@code adam/t} (shared by all parameters),
 * {@code adam/m/<parameter>}, {@code adam/v/<parameter>}.
 */
public final class Adam extends Optimizer {
  /** The book's default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;

  /** The book's default decay of the first moment. */
  public static final double DEFAULT_BETA1 = 0.9;

  /** The book's default decay of the second moment. */
  public static final double DEFAULT_BETA2 = 0.999;

  private final double beta1;
  private final double beta2;

  /** Adam with learning rate 0.001, beta1 0.9, beta2 0.999. */
  public Adam() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** Adam with the given learning rate, beta1 0.9, beta2 0.999. */
  public Adam(double learningRate) {
    this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2);
  }

  /** Adam with the given learning rate and moment decays, each in [0, 1). */
  public Adam(double learningRate, double beta1, double beta2) {
    super("adam", learningRate, "m", "v");
    this.beta1 = Hyperparameters.fraction("Adam beta1", beta1);
    this.beta2 = Hyperparameters.fraction("Adam beta2", beta2);
  }

  /** The decay of the first-moment average. */
  public double beta1() {
    return beta1;
  }

  /** The decay of the second-moment average. */
  public double beta2() {
    return beta2;
  }

  @Override
  protected void update(double[] param, double[] grad, double[][] slots, int from, int to) {
    long t = stepCount();
    double lrT = learningRate() * Math.sqrt(1.0 - Math.pow(beta2, t)) / (1.0 - Math.pow(beta1, t));
    double[] m = slots[0];
    double[] v = slots[1];
    for (int i = from; i < to; i++) {
      double g = grad[i];
      m[i] += (1 - beta1) * (g - m[i]);
      v[i] += (1 - beta2) * (g * g - v[i]);
      param[i] -= lrT * m[i] / (Math.sqrt(v[i]) + EPSILON);
    }
  }

  @Override
  public String toString() {
    return "Adam(lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ")";
  }
}
