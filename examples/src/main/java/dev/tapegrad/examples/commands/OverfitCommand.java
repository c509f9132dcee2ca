package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.CsvTable;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.EpochLog;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.SeedOption;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.experiments.Curves;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.optim.Sgd;
import dev.tapegrad.layers.train.EpochResult;
import dev.tapegrad.layers.train.Trainer;
import dev.tapegrad.layers.train.TrainingHistory;
import dev.tapegrad.viz.chart.Figure;
import dev.tapegrad.viz.chart.FigureGrid;
import dev.tapegrad.viz.chart.LineChart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Section 6.4: a 7-layer network overfits 300 training samples (Fig 6-20); weight decay (Fig 6-21)
 * and dropout (Fig 6-23) narrow the gap between train and test accuracy.
 */
@Command(
    name = "overfit",
    mixinStandardHelpOptions = true,
    description = "Section 6.4, Fig 6-20, 6-21, 6-23: overfitting, weight decay and dropout.")
public final class OverfitCommand implements Callable<Integer>, ValidatedOptions {
  private static final List<Integer> HIDDEN = List.of(100, 100, 100, 100, 100, 100);

  /** One of the three runs, built before any of them trains so that bad settings fail at once. */
  private record Variant(String file, String title, Trainer trainer, int epochs) {}

  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private SeedOption seed;

  @Option(
      names = "--train-size",
      defaultValue = "300",
      description = "Training samples, the first N (default: ${DEFAULT-VALUE}).")
  private int trainSize;

  @Option(
      names = "--epochs",
      defaultValue = "201",
      description = "Epochs of the plain and weight-decay runs (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(
      names = "--dropout-epochs",
      defaultValue = "301",
      description =
          "Epochs of the dropout run (default: ${DEFAULT-VALUE}, as the book's repository).")
  private int dropoutEpochs;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(
      names = "--lr",
      defaultValue = "0.01",
      description = "SGD learning rate (default: ${DEFAULT-VALUE}).")
  private double learningRate;

  @Option(
      names = "--weight-decay",
      defaultValue = "0.1",
      description = "λ of the weight-decay run (default: ${DEFAULT-VALUE}).")
  private double weightDecay;

  @Option(
      names = "--dropout",
      defaultValue = "0.15",
      description =
          "Dropout ratio of the dropout run (default: ${DEFAULT-VALUE}, the book's caption;"
              + " its repository uses 0.2).")
  private double dropout;

  @Option(
      names = "--log-every",
      defaultValue = "10",
      description = "Print the accuracies every N epochs (default: ${DEFAULT-VALUE}).")
  private int logEvery;

  @Override
  public void validate() {
    Require.atLeast("--train-size", trainSize, 1);
    Require.atLeast("--epochs", epochs, 1);
    Require.atLeast("--dropout-epochs", dropoutEpochs, 1);
    Require.atLeast("--batch", batch, 1);
    Require.positive("--lr", learningRate);
    Require.nonNegative("--weight-decay", weightDecay);
    Require.ratio("--dropout", dropout);
    Require.atLeast("--log-every", logEvery, 0);
  }

  @Override
  public Integer call() throws IOException {
    TrainTestSplit split = data.load(false);
    Dataset train = data.first(split.train(), trainSize, "--train-size");
    SplittableRandom rng = new SplittableRandom(seed.seed());
    MultiLayerNet.Options plain = MultiLayerNet.Options.defaults();
    List<Variant> variants =
        List.of(
            variant("plain", "no regularisation (Fig 6-20)", plain, epochs, rng),
            variant(
                "weight-decay",
                "weight decay λ = " + weightDecay + " (Fig 6-21)",
                plain.withWeightDecay(weightDecay),
                epochs,
                rng),
            variant(
                "dropout",
                "dropout ratio " + dropout + " (Fig 6-23)",
                plain.withDropout(dropout),
                dropoutEpochs,
                rng));
    System.out.printf(
        Locale.ROOT,
        "MultiLayerNet 784-100x6-10 (ReLU, He) on the first %d training samples of %s, test on %d;"
            + " SGD lr %s, batch %d%n",
        train.size(),
        data.describe(),
        split.test().size(),
        learningRate,
        batch);
    CsvTable csv = new CsvTable("variant", "epoch", "mean_loss", "train_accuracy", "test_accuracy");
    List<Figure> charts = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    for (Variant v : variants) {
      System.out.printf(Locale.ROOT, "== %s, %d epochs%n", v.title(), v.epochs());
      TrainingHistory history =
          v.trainer()
              .listener(new EpochLog(System.out, "", logEvery, v.epochs()))
              .fit(train, split.test());
      for (EpochResult e : history.epochs()) {
        csv.row(v.file(), e.epoch(), e.meanLoss(), e.trainAccuracy(), e.testAccuracy());
      }
      EpochResult last = history.last();
      summary.add(
          String.format(
              Locale.ROOT,
              "  %-34s train acc %.4f  test acc %.4f  gap %.4f",
              v.title(),
              last.trainAccuracy(),
              last.testAccuracy(),
              last.trainAccuracy() - last.testAccuracy()));
      Figure chart =
          LineChart.builder()
              .title(v.title())
              .xLabel("epochs")
              .yLabel("accuracy")
              .series("train", Curves.trainAccuracy(history))
              .dashedSeries("test", Curves.testAccuracy(history))
              .yRange(0, 1)
              .markers(false)
              .build();
      out.write("overfit/" + v.file() + ".png", chart::writePng);
      charts.add(chart);
    }
    System.out.println("after the last epoch:");
    summary.forEach(System.out::println);
    FigureGrid comparison =
        FigureGrid.of(
            3, "Overfitting " + train.size() + " training samples, 7-layer network", charts);
    out.write("overfit/comparison.png", comparison::writePng);
    out.writeText("overfit/accuracy.csv", csv.toString());
    return 0;
  }

  private Variant variant(
      String file,
      String title,
      MultiLayerNet.Options options,
      int variantEpochs,
      SplittableRandom rng) {
    MultiLayerNet net = new MultiLayerNet(784, HIDDEN, 10, options, rng.split());
    Trainer trainer =
        new Trainer(
            net,
            new Sgd(learningRate),
            new Trainer.Config(variantEpochs, batch, 0, rng.nextLong()));
    return new Variant(file, title, trainer, variantEpochs);
  }
}
