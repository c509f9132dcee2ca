package dev.tapegrad.layers.train;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.data.Batch;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.optim.Optimizer;
import java.util.Map;
import java.util.Random;

/**
 * The book's training loop (its {@code Trainer}): mini-batches in a fresh seeded order each epoch;
 * per iteration forward, backward on a tape and an optimizer step; after each epoch the accuracy on
 * (a sample of) the training set and on the test set, in evaluation mode.
 *
 * <p>Training stops at the first loss that is NaN or infinite ({@link NonFiniteLossException}), and
 * when a parameter is not finite before training or after an epoch ({@link
 * NonFiniteParameterException}), so that a diverged network is never mistaken for a trained one;
 * {@link #allowDivergence()} lets experiments that show divergence train on.
 */
public final class Trainer {
  /**
   * Settings: {@code evaluationSamples} limits how many samples of each set the per-epoch accuracy
   * uses (the book's {@code evaluate_sample_num_per_epoch}; 0 means all).
   */
  public record Config(int epochs, int batchSize, int evaluationSamples, long seed) {
    public Config {
      if (epochs < 0 || batchSize < 1 || evaluationSamples < 0) {
        throw new IllegalArgumentException(
            "trainer: epochs must be >= 0, batch size >= 1 and evaluation samples >= 0, got "
                + epochs
                + ", "
                + batchSize
                + ", "
                + evaluationSamples);
      }
    }
  }

  private final Network network;
  private final Optimizer optimizer;
  private final Config config;
  private TrainingListener listener = TrainingListener.NONE;
  private boolean divergenceAllowed;

  public Trainer(Network network, Optimizer optimizer, Config config) {
    this.network = network;
    this.optimizer = optimizer;
    this.config = config;
  }

  /** Sets who hears about progress; returns this. */
  public Trainer listener(TrainingListener value) {
    this.listener = value;
    return this;
  }

  /**
   * Keeps training when a loss or a parameter stops being finite, recording NaN and infinite losses
   * as they come (for experiments that show divergence, like the book's Fig 6-19); returns this.
   */
  public Trainer allowDivergence() {
    this.divergenceAllowed = true;
    return this;
  }

  /**
   * Trains on {@code train}, evaluating on both sets before the first and after every epoch.
   *
   * @throws IllegalArgumentException if either set is empty
   * @throws NonFiniteLossException at the first loss that is NaN or infinite
   * @throws NonFiniteParameterException if a parameter is not finite before training or after an
   *     epoch
   */
  public TrainingHistory fit(Dataset train, Dataset test) {
    if (train.size() == 0 || test.size() == 0) {
      throw new IllegalArgumentException(
          "trainer: the "
              + (train.size() == 0 ? "training" : "test")
              + " set is empty; there is nothing to "
              + (train.size() == 0 ? "train on" : "evaluate"));
    }
    TrainingHistory history = new TrainingHistory();
    Random order = new Random(config.seed());
    requireFiniteParameters(0);
    EpochResult start = evaluate(0, Double.NaN, train, test, 0);
    history.addEpoch(start);
    listener.epochFinished(start);
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long began = System.nanoTime();
      var batches = train.batches(config.batchSize(), order);
      listener.epochStarted(epoch, batches.count());
      double lossSum = 0;
      int iteration = 0;
      for (Batch batch : batches) {
        double loss = step(batch.images(), batch.labels());
        iteration++;
        if (!divergenceAllowed && !Double.isFinite(loss)) {
          throw new NonFiniteLossException(epoch, iteration, loss);
        }
        history.addLoss(loss);
        lossSum += loss;
        listener.iterationFinished(epoch, iteration, loss);
      }
      requireFiniteParameters(epoch);
      double seconds = (System.nanoTime() - began) / 1e9;
      EpochResult result = evaluate(epoch, lossSum / Math.max(1, iteration), train, test, seconds);
      history.addEpoch(result);
      listener.epochFinished(result);
    }
    return history;
  }

  /**
   * One iteration: loss, backward, update; returns the loss. The tape recycles its values (only the
   * loss's number and the parameters' gradients are needed afterwards), so the next step writes
   * into warm arrays.
   */
  public double step(Tensor images, int[] labels) {
    network.zeroGrad();
    double loss;
    try (Tape tape = Tape.record().recycling()) {
      Tensor l = network.loss(images, labels);
      tape.backward(l);
      loss = l.item();
    }
    optimizer.step(network.parameters());
    return loss;
  }

  private void requireFiniteParameters(int epoch) {
    if (divergenceAllowed) {
      return;
    }
    for (Map.Entry<String, Tensor> parameter : network.parameters().entrySet()) {
      for (double value : parameter.getValue().data()) {
        if (!Double.isFinite(value)) {
          throw new NonFiniteParameterException(epoch, parameter.getKey(), value);
        }
      }
    }
  }

  private EpochResult evaluate(
      int epoch, double meanLoss, Dataset train, Dataset test, double seconds) {
    return new EpochResult(epoch, meanLoss, accuracy(train), accuracy(test), seconds);
  }

  private double accuracy(Dataset set) {
    Dataset sample =
        config.evaluationSamples() > 0 && config.evaluationSamples() < set.size()
            ? set.subset(config.evaluationSamples())
            : set;
    return network.accuracy(sample.images(), sample.labels(), 100);
  }
}
