package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.CsvTable;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.SeedOption;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.experiments.Curves;
import dev.tapegrad.examples.experiments.LogUniform;
import dev.tapegrad.examples.experiments.SearchTrial;
import dev.tapegrad.examples.experiments.ShortNumber;
import dev.tapegrad.layers.data.TrainValidationSplit;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.optim.Sgd;
import dev.tapegrad.layers.train.EpochResult;
import dev.tapegrad.layers.train.Trainer;
import dev.tapegrad.layers.train.TrainingHistory;
import dev.tapegrad.viz.chart.Figure;
import dev.tapegrad.viz.chart.FigureGrid;
import dev.tapegrad.viz.chart.LineChart;
import dev.tapegrad.viz.chart.XChartFigure;
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
 * Section 6.5: random search of the learning rate and the weight decay on a log scale, judged on a
 * validation set held out of the training data; the best runs' curves in a grid (Fig 6-24).
 */
@Command(
    name = "hyperparams",
    mixinStandardHelpOptions = true,
    description =
        "Section 6.5, Fig 6-24: random search of learning rate and weight decay on validation data.")
public final class HyperparamsCommand implements Callable<Integer>, ValidatedOptions {
  private static final List<Integer> HIDDEN = List.of(100, 100, 100, 100, 100, 100);
  private static final int COLUMNS = 5;

  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private SeedOption seed;

  @Option(
      names = "--trials",
      defaultValue = "100",
      description = "Random trials (default: ${DEFAULT-VALUE}).")
  private int trials;

  @Option(
      names = "--epochs",
      defaultValue = "50",
      description = "Epochs per trial (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(
      names = "--train-size",
      defaultValue = "500",
      description =
          "Training samples, the first N, before the validation split (default: ${DEFAULT-VALUE}).")
  private int trainSize;

  @Option(
      names = "--validation",
      defaultValue = "0.2",
      description = "Fraction held out for validation after a shuffle (default: ${DEFAULT-VALUE}).")
  private double validationFraction;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(
      names = "--lr-exponents",
      split = ",",
      paramLabel = "MIN,MAX",
      hideParamSyntax = true,
      defaultValue = "-6,-2",
      description = "Learning rate 10^U(MIN, MAX) (default: ${DEFAULT-VALUE}).")
  private double[] lrExponents;

  @Option(
      names = "--wd-exponents",
      split = ",",
      paramLabel = "MIN,MAX",
      hideParamSyntax = true,
      defaultValue = "-8,-4",
      description = "Weight decay λ 10^U(MIN, MAX) (default: ${DEFAULT-VALUE}).")
  private double[] weightDecayExponents;

  @Option(
      names = "--best",
      defaultValue = "20",
      description = "How many of the best trials to print and draw (default: ${DEFAULT-VALUE}).")
  private int best;

  @Override
  public void validate() {
    LogUniform.ofOption("--lr-exponents", lrExponents);
    LogUniform.ofOption("--wd-exponents", weightDecayExponents);
    Require.atLeast("--trials", trials, 1);
    Require.atLeast("--epochs", epochs, 1);
    Require.atLeast("--train-size", trainSize, 2);
    Require.fraction("--validation", validationFraction);
    Require.atLeast("--batch", batch, 1);
    Require.atLeast("--best", best, 1);
  }

  @Override
  public Integer call() throws IOException {
    LogUniform learningRates = LogUniform.ofOption("--lr-exponents", lrExponents);
    LogUniform weightDecays = LogUniform.ofOption("--wd-exponents", weightDecayExponents);
    SplittableRandom rng = new SplittableRandom(seed.seed());
    TrainValidationSplit split =
        data.first(data.load(false).train(), trainSize, "--train-size")
            .splitValidation(validationFraction, rng.nextLong());
    System.out.printf(
        Locale.ROOT,
        "MultiLayerNet 784-100x6-10 (ReLU, He) on %s: %d train, %d validation; SGD, batch %d,"
            + " %d epochs, %d trials; lr 10^U(%s, %s), weight decay 10^U(%s, %s)%n",
        data.describe(),
        split.train().size(),
        split.validation().size(),
        batch,
        epochs,
        trials,
        learningRates.minExponent(),
        learningRates.maxExponent(),
        weightDecays.minExponent(),
        weightDecays.maxExponent());
    long started = System.nanoTime();
    List<SearchTrial> results = new ArrayList<>();
    for (int t = 1; t <= trials; t++) {
      double weightDecay = weightDecays.sample(rng);
      double learningRate = learningRates.sample(rng);
      MultiLayerNet net =
          new MultiLayerNet(
              784,
              HIDDEN,
              10,
              MultiLayerNet.Options.defaults().withWeightDecay(weightDecay),
              rng.split());
      TrainingHistory history =
          new Trainer(
                  net, new Sgd(learningRate), new Trainer.Config(epochs, batch, 0, rng.nextLong()))
              .allowDivergence() // a diverging trial is a bad trial, not the end of the search
              .fit(split.train(), split.validation());
      SearchTrial trial = new SearchTrial(t, learningRate, weightDecay, history);
      results.add(trial);
      System.out.printf(
          Locale.ROOT,
          "[%d/%d] val acc:%s | %s%n",
          t,
          trials,
          trial.validationAccuracy(),
          trial.hyperparameters());
    }
    System.out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
    results.sort(SearchTrial.BEST_FIRST);
    List<SearchTrial> top = results.subList(0, Math.min(best, results.size()));
    System.out.println("=========== Hyper-Parameter Optimization Result ===========");
    for (int k = 0; k < top.size(); k++) {
      SearchTrial trial = top.get(k);
      System.out.println(
          "Best-"
              + (k + 1)
              + "(val acc:"
              + trial.validationAccuracy()
              + ") | "
              + trial.hyperparameters());
    }
    out.write("hyperparams/best.png", bestChart(top)::writePng);
    writeCsv(results);
    return 0;
  }

  private FigureGrid bestChart(List<SearchTrial> top) {
    List<Figure> panels = new ArrayList<>();
    int columns = Math.min(COLUMNS, top.size());
    for (int k = 0; k < top.size(); k++) {
      SearchTrial trial = top.get(k);
      boolean left = k % columns == 0;
      boolean bottom = k >= top.size() - columns;
      XChartFigure panel =
          LineChart.builder()
              .size(320, 230)
              .title(
                  "Best-"
                      + (k + 1)
                      + "  lr "
                      + ShortNumber.format(trial.learningRate(), 2)
                      + ", wd "
                      + ShortNumber.format(trial.weightDecay(), 2))
              .xLabel(bottom ? "epochs" : "")
              .yLabel(left ? "accuracy" : "")
              .series("validation", Curves.testAccuracy(trial.history()))
              .dashedSeries("train", Curves.trainAccuracy(trial.history()))
              .yRange(0, 1)
              .markers(false)
              .build();
      panel.chart().getStyler().setLegendVisible(k == 0);
      panels.add(panel);
    }
    return FigureGrid.of(
        columns,
        "The "
            + top.size()
            + " best of "
            + trials
            + " trials: validation (solid) and training (dashed) accuracy (Fig 6-24)",
        panels);
  }

  private void writeCsv(List<SearchTrial> ranked) throws IOException {
    CsvTable trialsCsv =
        new CsvTable(
            "rank",
            "trial",
            "learning_rate",
            "weight_decay",
            "validation_accuracy",
            "train_accuracy");
    CsvTable curves =
        new CsvTable("trial", "epoch", "mean_loss", "train_accuracy", "validation_accuracy");
    for (int k = 0; k < ranked.size(); k++) {
      SearchTrial trial = ranked.get(k);
      trialsCsv.row(
          k + 1,
          trial.number(),
          trial.learningRate(),
          trial.weightDecay(),
          trial.validationAccuracy(),
          trial.trainAccuracy());
      for (EpochResult e : trial.history().epochs()) {
        curves.row(trial.number(), e.epoch(), e.meanLoss(), e.trainAccuracy(), e.testAccuracy());
      }
    }
    out.writeText("hyperparams/trials.csv", trialsCsv.toString());
    out.writeText("hyperparams/curves.csv", curves.toString());
  }
}
