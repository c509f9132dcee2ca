package dev.tapegrad.layers.train;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.data.Batch;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.optim.Optimizer;
import java.util.Random;

/**
 * The book's training loop (its {@code Trainer}): mini-batches in a fresh seeded order each epoch;
 * per iteration forward, backward on a tape and an optimizer step; after each epoch the accuracy on
 * (a sample of) the training set and on the test set, in evaluation mode.
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
                + epochs + ", " + batchSize + ", " + evaluationSamples);
      }
    }
  }

  private final Network network;
  private final Optimizer optimizer;
  private final Config config;
  private TrainingListener listener = TrainingListener.NONE;

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

  /** Trains on {@code train}, evaluating on both sets before the first and after every epoch. */
  public TrainingHistory fit(Dataset train, Dataset test) {
    TrainingHistory history = new TrainingHistory();
    Random order = new Random(config.seed());
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
        history.addLoss(loss);
        lossSum += loss;
        listener.iterationFinished(epoch, ++iteration, loss);
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      EpochResult result = evaluate(epoch, lossSum / Math.max(1, iteration), train, test, seconds);
      history.addEpoch(result);
      listener.epochFinished(result);
    }
    return history;
  }

  /**
   * One iteration: loss, backward, update; returns the loss. The tape recycles its values (only
   * the loss's number and the parameters' gradients are needed afterwards), so the next step
   * writes into warm arrays.
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

  private EpochResult evaluate(int epoch, double meanLoss, Dataset train, Dataset test, double seconds) {
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
