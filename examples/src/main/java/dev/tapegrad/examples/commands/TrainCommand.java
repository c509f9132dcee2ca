package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.NetworkKind;
import dev.tapegrad.examples.cli.NetworkOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.ProgressReporter;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.optim.Optimizers;
import dev.tapegrad.layers.train.Trainer;
import dev.tapegrad.layers.train.TrainingHistory;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains one of the book's networks on MNIST with progress, history and plots. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a network (chapters 4-8) and save its history.")
public final class TrainCommand implements Callable<Integer> {
  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private NetworkOptions network;


  @Option(names = "--optimizer", defaultValue = "sgd",
      description = "sgd, momentum, nesterov, adagrad, rmsprop or adam (default: ${DEFAULT-VALUE}).")
  private String optimizer;

  @Option(names = "--lr", description = "Learning rate (default: 0.1 for sgd, else the optimizer's).")
  private Double learningRate;

  @Option(names = "--batch", defaultValue = "100", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--weight-decay", defaultValue = "0", description = "L2 coefficient λ (default: ${DEFAULT-VALUE}).")
  private double weightDecay;

  @Option(names = "--dropout", defaultValue = "0",
      description = "Dropout ratio for multi-layer-extend, 0 for none (default: ${DEFAULT-VALUE}).")
  private double dropout;

  @Option(names = "--batchnorm", description = "Batch normalization in multi-layer-extend.")
  private boolean batchNorm;

  @Option(names = "--train-size", defaultValue = "0",
      description = "Use only the first N training samples (0: all).")
  private int trainSize;

  @Option(names = "--eval-samples", defaultValue = "0",
      description = "Samples per set for the per-epoch accuracy (0: all).")
  private int evalSamples;


  @Override
  public Integer call() throws IOException {
    NetworkKind kind = network.kind();
    TrainTestSplit split = data.load(kind.takesImages());
    Dataset train = trainSize > 0 ? split.train().subset(trainSize) : split.train();
    Network net = network.create(weightDecay, batchNorm, dropout);
    Optimizer opt =
        learningRate != null
            ? Optimizers.create(optimizer, learningRate)
            : optimizer.equalsIgnoreCase("sgd") ? Optimizers.create("sgd", 0.1) : Optimizers.create(optimizer);
    System.out.printf(Locale.ROOT, "%s on %s (%d train, %d test), %s lr %s, batch %d, %d epochs%n",
        net.name(), data.describe(), train.size(), split.test().size(), opt.kind(),
        opt.learningRate(), batch, epochs);
    long started = System.nanoTime();
    TrainingHistory history =
        new Trainer(net, opt, new Trainer.Config(epochs, batch, evalSamples, network.seed()))
            .listener(new ProgressReporter(System.out, batch))
            .fit(train, split.test());
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "final test accuracy %.4f, wall time %.1f s%n",
        history.last().testAccuracy(), seconds);
    String prefix = "train/" + kind + "-";
    out.writeText(prefix + "history.csv", history.epochsCsv());
    StringBuilder losses = new StringBuilder("iteration,loss\n");
    for (int i = 0; i < history.losses().size(); i++) {
      losses.append(i + 1).append(',').append(history.losses().get(i)).append('\n');
    }
    out.writeText(prefix + "losses.csv", losses.toString());
    out.report(System.out);
    return 0;
  }
}
