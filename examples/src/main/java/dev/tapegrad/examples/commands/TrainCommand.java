package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.CheckpointWarning;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.NetworkKind;
import dev.tapegrad.examples.cli.NetworkOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.ProgressReporter;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.io.Checkpoint;
import dev.tapegrad.layers.io.Npz;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.optim.Optimizers;
import dev.tapegrad.layers.train.EpochResult;
import dev.tapegrad.layers.train.Trainer;
import dev.tapegrad.layers.train.TrainingHistory;
import dev.tapegrad.viz.chart.Figure;
import dev.tapegrad.viz.chart.LineChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains one of the book's networks on MNIST with progress, history, plots and a checkpoint that
 * {@code --resume}, {@code infer} and {@code misclassified} read back.
 *
 * <p>All or nothing: the history, the charts and then the checkpoint are staged and moved into
 * place together only after all of them were written ({@link Outputs}). A run whose loss or
 * parameters stop being finite, or whose writes fail (a full disk), changes no file, not even the
 * checkpoint it resumed from.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Chapters 4-8: train a network; save its history, loss and accuracy plots (Fig 4-11,"
            + " 4-12) and a checkpoint.")
public final class TrainCommand implements Callable<Integer>, ValidatedOptions {
  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private NetworkOptions network;

  @Option(
      names = "--optimizer",
      description =
          "sgd, momentum, nesterov, adagrad, rmsprop or adam (default: sgd, or with --resume"
              + " the checkpoint's).")
  private String optimizer;

  @Option(
      names = "--lr",
      description = "Learning rate (default: 0.1 for sgd, else the optimizer's).")
  private Double learningRate;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(
      names = "--epochs",
      defaultValue = "10",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(
      names = "--init",
      paramLabel = "SPEC",
      description =
          "Weight initialisation: a std such as 0.01, he (relu) or xavier (sigmoid);"
              + " default: the book's for the network (0.01 for two-layer and simple-conv, He otherwise).")
  private String init;

  @Option(
      names = "--weight-decay",
      defaultValue = "0",
      description = "L2 coefficient λ (default: ${DEFAULT-VALUE}).")
  private double weightDecay;

  @Option(
      names = "--dropout",
      defaultValue = "0",
      description = "Dropout ratio for multi-layer-extend, 0 for none (default: ${DEFAULT-VALUE}).")
  private double dropout;

  @Option(names = "--batchnorm", description = "Batch normalization in multi-layer-extend.")
  private boolean batchNorm;

  @Option(
      names = "--train-size",
      defaultValue = "0",
      description = "Use only the first N training samples (0: all).")
  private int trainSize;

  @Option(
      names = "--eval-samples",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Training images (a fixed random sample) that measure the per-epoch train accuracy"
              + " (default: ${DEFAULT-VALUE}, as the book's trainer; 0: all).")
  private int evalSamples;

  @Option(
      names = "--test-samples",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Test images (the first N) that measure the per-epoch test accuracy (default: all).")
  private int testSamples;

  @Option(
      names = "--resume",
      paramLabel = "CHECKPOINT",
      description =
          "Start from a checkpoint written by train (parameters, batch-norm statistics and"
              + " optimizer state); epoch 0 of the history is then the resumed network.")
  private Path resume;

  @Override
  public void validate() throws IOException {
    NetworkKind kind = network.kind();
    if (optimizer != null) {
      Optimizers.create(optimizer);
    }
    if (learningRate != null) {
      Require.positive("--lr", learningRate);
    }
    Require.atLeast("--batch", batch, 1);
    Require.atLeast("--epochs", epochs, 0);
    if (init != null) {
      WeightInit.parse(init);
      if (kind == NetworkKind.DEEP_CONV) {
        throw new IllegalArgumentException(
            "--init: deep-conv always uses He initialisation, as" + " the book");
      }
    }
    Require.nonNegative("--weight-decay", weightDecay);
    Require.ratio("--dropout", dropout);
    if ((batchNorm || dropout > 0) && kind != NetworkKind.MULTI_LAYER_EXTEND) {
      throw new IllegalArgumentException(
          "--batchnorm and --dropout apply to multi-layer-extend, not " + kind);
    }
    Require.atLeast("--train-size", trainSize, 0);
    Require.atLeast("--eval-samples", evalSamples, 0);
    Require.atLeast("--test-samples", testSamples, 0);
    if (resume != null) {
      Require.readableFile("--resume", resume);
    }
  }

  @Override
  public Integer call() throws IOException {
    NetworkKind kind = network.kind();
    TrainTestSplit split = data.load(kind.takesImages());
    Dataset train = data.first(split.train(), trainSize, "--train-size");
    Network net =
        network.create(
            weightDecay, batchNorm, dropout, init == null ? null : WeightInit.parse(init));
    String kindOfOptimizer =
        resume != null ? optimizerToResume() : optimizer != null ? optimizer : "sgd";
    Optimizer opt =
        learningRate != null
            ? Optimizers.create(kindOfOptimizer, learningRate)
            : kindOfOptimizer.equalsIgnoreCase("sgd")
                ? Optimizers.create("sgd", 0.1)
                : Optimizers.create(kindOfOptimizer);
    if (resume != null) {
      CheckpointWarning.print(resume, Checkpoint.load(resume, net, opt), System.err);
      System.out.printf(
          Locale.ROOT, "resumed from %s after %d %s steps%n", resume, opt.stepCount(), opt.kind());
    }
    System.out.printf(
        Locale.ROOT,
        "%s on %s (%d train, %d test), %s lr %s, batch %d, %d epochs%n",
        net.name(),
        data.describe(),
        train.size(),
        split.test().size(),
        opt.kind(),
        opt.learningRate(),
        batch,
        epochs);
    long started = System.nanoTime();
    TrainingHistory history;
    try (ProgressReporter progress = new ProgressReporter(System.out, batch)) {
      Trainer.Config config =
          new Trainer.Config(epochs, batch, evalSamples, testSamples, network.seed());
      history = new Trainer(net, opt, config).listener(progress).fit(train, split.test());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "final test accuracy %.4f, wall time %.1f s%n",
        history.last().testAccuracy(),
        seconds);
    String prefix = "train/" + kind + "-";
    out.writeText(prefix + "history.csv", history.epochsCsv());
    StringBuilder losses = new StringBuilder("iteration,loss\n");
    for (int i = 0; i < history.losses().size(); i++) {
      losses.append(i + 1).append(',').append(history.losses().get(i)).append('\n');
    }
    out.writeText(prefix + "losses.csv", losses.toString());
    writeCharts(history, prefix);
    out.write("train/" + kind + ".npz", file -> Checkpoint.save(file, net, opt)); // last
    return 0;
  }

  /**
   * The optimizer whose state the {@code --resume} checkpoint holds (its {@code <kind>/t} entry),
   * unless {@code --optimizer} names another, which is an error; sgd or {@code --optimizer} when
   * the checkpoint has no optimizer state.
   */
  private String optimizerToResume() throws IOException {
    Optional<String> saved =
        Npz.read(resume).keySet().stream()
            .filter(name -> name.endsWith("/t") && name.indexOf('/') == name.length() - 2)
            .map(name -> name.substring(0, name.length() - 2))
            .findFirst();
    if (saved.isEmpty()) {
      return optimizer != null ? optimizer : "sgd";
    }
    if (optimizer != null && !optimizer.equalsIgnoreCase(saved.get())) {
      throw new IllegalArgumentException(
          "--resume "
              + resume
              + " holds the state of "
              + saved.get()
              + ", not "
              + optimizer
              + "; leave out --optimizer to continue with "
              + saved.get());
    }
    return saved.get();
  }

  /**
   * The loss per iteration, smoothed over about a fiftieth of the run, and the accuracy per epoch.
   */
  private void writeCharts(TrainingHistory history, String prefix) throws IOException {
    double[] loss = history.losses().stream().mapToDouble(Double::doubleValue).toArray();
    if (loss.length > 0) {
      int window = Math.max(1, Math.min(100, loss.length / 50));
      out.write(prefix + "loss.png", LineChart.loss(loss, window)::writePng);
    }
    List<EpochResult> epochs = history.epochs();
    Figure accuracy =
        LineChart.accuracy(
            epochs.stream().mapToDouble(EpochResult::trainAccuracy).toArray(),
            epochs.stream().mapToDouble(EpochResult::testAccuracy).toArray());
    out.write(prefix + "accuracy.png", accuracy::writePng);
  }
}
