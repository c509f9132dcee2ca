package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.optim.Optimizers;
import dev.tapegrad.layers.train.Trainer;
import dev.tapegrad.layers.train.TrainingHistory;
import java.util.Locale;
import java.util.Random;
import picocli.CommandLine.Option;

/**
 * The options of commands that train a SimpleConvNet briefly on their own ({@code filters}):
 * epochs, training-set size and seed. The rest is the book's {@code train_convnet.py}: Adam with
 * learning rate 0.001, batches of 100, accuracy on 1,000 samples per epoch.
 */
public final class QuickTrainingOptions implements ValidatedOptions {
  private static final int BATCH = 100;
  private static final int EVALUATION_SAMPLES = 1000;

  @Option(
      names = "--epochs",
      defaultValue = "2",
      description = "Epochs of training when the command trains (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(
      names = "--train-size",
      paramLabel = "N",
      defaultValue = "0",
      description = "Train on the first N training images only (default: all).")
  private int trainSize;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public void validate() {
    Require.atLeast("--epochs", epochs, 1);
    Require.atLeast("--train-size", trainSize, 0);
  }

  /** A SimpleConvNet with the book's random initialisation, seeded. */
  public Network newSimpleConvNet() {
    return NetworkKind.SIMPLE_CONV.create(0, false, 0, new Random(seed));
  }

  /** Trains {@code net} on the training part of {@code split}, printing progress. */
  public TrainingHistory train(Network net, TrainTestSplit split) {
    Dataset train =
        trainSize > 0
            ? split.train().subset(Math.min(trainSize, split.train().size()))
            : split.train();
    Optimizer adam = Optimizers.create("adam", 0.001);
    System.out.printf(
        Locale.ROOT,
        "training %s on %d images: adam lr 0.001, batch %d, %d epochs%n",
        net.name(),
        train.size(),
        BATCH,
        epochs);
    try (ProgressReporter progress = new ProgressReporter(System.out, BATCH)) {
      return new Trainer(net, adam, new Trainer.Config(epochs, BATCH, EVALUATION_SAMPLES, seed))
          .listener(progress)
          .fit(train, split.test());
    }
  }
}
