package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;

/**
 * The book's Batch Normalization (eq. 6.7, 6.8), composed of primitives: in training the batch mean
 * and variance normalise each feature and update the running statistics with momentum 0.9; in
 * evaluation the running statistics are used. A 4-D input is flattened to (N, C·H·W) as the book
 * does (per-feature, not per-channel). γ starts at 1, β at 0, running statistics at 0.
 */
public final class BatchNormalization extends Module {
  /** The book's epsilon, written {@code 10e-7} in its code. */
  public static final double EPS = 1e-6;

  private final Tensor gamma;
  private final Tensor beta;
  private final Tensor runningMean;
  private final Tensor runningVar;
  private final double momentum;

  public BatchNormalization(String name, int features) {
    this(name, Tensor.ones(features), Tensor.zeros(features), 0.9);
  }

  public BatchNormalization(String name, Tensor gamma, Tensor beta, double momentum) {
    super(name);
    if (gamma.rank() != 1 || !java.util.Arrays.equals(gamma.shape(), beta.shape())) {
      throw new IllegalArgumentException(
          name
              + ": gamma "
              + Shape.format(gamma.shape())
              + " and beta "
              + Shape.format(beta.shape())
              + " must be equal 1-D shapes");
    }
    this.gamma = addParameter("gamma", gamma);
    this.beta = addParameter("beta", beta);
    this.runningMean = addBuffer("runningMean", Tensor.zeros(gamma.dim(0)));
    this.runningVar = addBuffer("runningVar", Tensor.zeros(gamma.dim(0)));
    this.momentum = momentum;
  }

  public Tensor runningMean() {
    return runningMean;
  }

  public Tensor runningVar() {
    return runningVar;
  }

  @Override
  public Tensor forward(Tensor x) {
    int[] shape = x.shape();
    Tensor x2 = x.rank() == 2 ? x : x.reshape(x.dim(0), -1);
    if (x2.dim(1) != gamma.dim(0)) {
      throw new IllegalArgumentException(
          name()
              + ": input "
              + Shape.format(shape)
              + " has "
              + x2.dim(1)
              + " features, gamma has "
              + gamma.dim(0));
    }
    Tensor normalized;
    if (isTraining()) {
      Tensor mean = x2.mean(0);
      Tensor centered = x2.sub(mean);
      Tensor variance = centered.pow(2).mean(0);
      normalized = centered.div(variance.add(EPS).sqrt());
      updateRunning(runningMean, mean);
      updateRunning(runningVar, variance);
    } else {
      normalized = x2.sub(runningMean).div(runningVar.add(EPS).sqrt());
    }
    return gamma.mul(normalized).add(beta).reshape(shape);
  }

  private void updateRunning(Tensor running, Tensor batch) {
    double[] r = running.data();
    double[] b = batch.data();
    for (int i = 0; i < r.length; i++) {
      r[i] = momentum * r[i] + (1 - momentum) * b[i];
    }
  }
}
