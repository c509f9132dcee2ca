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
 * a sample of the training set and on the test set, in evaluation mode (see {@link Config}). A
 * {@link TrainingListener} hears about every epoch and iteration, for example a {@link
 * ProgressPrinter}.
 *
 * <p>Training stops at the first loss that is NaN or infinite ({@link NonFiniteLossException}), and
 * when a parameter is not finite before training or after an epoch ({@link
 * NonFiniteParameterException}), so that a diverged network is never mistaken for a trained one;
 * {@link #allowDivergence()} lets experiments that show divergence train on.
 */
public final class Trainer {
  /**
   * Settings. The per-epoch train accuracy is measured on a fixed random sample of {@code
   * trainEvaluationSamples} training samples (drawn once per {@link #fit} from {@code seed}), the
   * test accuracy on the first {@code testEvaluationSamples} test samples; 0 means the whole set.
   * Evaluating all 60,000 images of a full-size training set after every epoch can take as long as
   * the epoch's training, so {@link #Config(int, int, long)} samples 1,000, as the book's trainer
   * does for its convolutional networks ({@code evaluate_sample_num_per_epoch}).
   */
  public record Config(
      int epochs, int batchSize, int trainEvaluationSamples, int testEvaluationSamples, long seed) {
    /** The default size of the training sample that measures the per-epoch train accuracy. */
    public static final int DEFAULT_TRAIN_EVALUATION_SAMPLES = 1000;

    public Config {
      if (epochs < 0 || batchSize < 1 || trainEvaluationSamples < 0 || testEvaluationSamples < 0) {
        throw new IllegalArgumentException(
            "trainer: epochs must be >= 0, batch size >= 1 and evaluation samples >= 0, got "
                + epochs
                + ", "
                + batchSize
                + ", "
                + trainEvaluationSamples
                + ", "
                + testEvaluationSamples);
      }
    }

    /** The defaults: train accuracy on 1,000 sampled training samples, test accuracy on all. */
    public Config(int epochs, int batchSize, long seed) {
      this(epochs, batchSize, DEFAULT_TRAIN_EVALUATION_SAMPLES, 0, seed);
    }

    /** The same evaluation limit for both sets (0: all of each). */
    public Config(int epochs, int batchSize, int evaluationSamples, long seed) {
      this(epochs, batchSize, evaluationSamples, evaluationSamples, seed);
    }
  }

  /** Mixed into the seed for the evaluation sample, so it does not follow the batch order. */
  private static final long SAMPLE_SEED = 0x5A3C_9E01L;

  private final Network network;
  private final Optimizer optimizer;
  private final Config config;
  private TrainingListener listener = TrainingListener.NONE;
  private boolean divergenceAllowed;

  /** A trainer that updates {@code network}'s parameters with {@code optimizer}. */
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
    Dataset trainSample = limit(train, config.trainEvaluationSamples(), true);
    Dataset testSample = limit(test, config.testEvaluationSamples(), false);
    requireFiniteParameters(0);
    EpochResult start = evaluate(0, Double.NaN, trainSample, testSample, 0);
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
      EpochResult result =
          evaluate(epoch, lossSum / Math.max(1, iteration), trainSample, testSample, seconds);
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
      int epoch, double meanLoss, Dataset trainSample, Dataset testSample, double seconds) {
    long began = System.nanoTime();
    double trainAccuracy = accuracy(trainSample);
    double testAccuracy = accuracy(testSample);
    double evaluationSeconds = (System.nanoTime() - began) / 1e9;
    return new EpochResult(
        epoch, meanLoss, trainAccuracy, testAccuracy, seconds, evaluationSeconds);
  }

  /** The set, or {@code n} samples of it (0: all): sampled at random, or its first {@code n}. */
  private Dataset limit(Dataset set, int n, boolean random) {
    if (n == 0 || n >= set.size()) {
      return set;
    }
    return random ? set.sample(n, config.seed() ^ SAMPLE_SEED) : set.subset(n);
  }

  private double accuracy(Dataset set) {
    return network.accuracy(set.images(), set.labels(), 100);
  }
}
