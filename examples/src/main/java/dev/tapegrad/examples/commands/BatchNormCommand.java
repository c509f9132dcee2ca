package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.CsvTable;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.SeedOption;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.experiments.Curves;
import dev.tapegrad.examples.experiments.ShortNumber;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.init.WeightInit;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Section 6.3: MultiLayerNetExtend 784-100×5-10 with and without batch normalization for weight
 * scales from 1 to 1e-4, training accuracy per epoch in a grid (Fig 6-18, 6-19).
 */
@Command(
    name = "batchnorm",
    mixinStandardHelpOptions = true,
    description =
        "Section 6.3, Fig 6-18 and 6-19: training with and without batch normalization per weight scale.")
public final class BatchNormCommand implements Callable<Integer>, ValidatedOptions {
  private static final List<Integer> HIDDEN = List.of(100, 100, 100, 100, 100);
  private static final String WITH = "Batch Normalization";
  private static final String WITHOUT = "without BatchNorm";

  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private SeedOption seed;

  @Option(
      names = "--stds",
      defaultValue = "16",
      description =
          "Number of weight-init stds, spaced evenly on a log scale (default: ${DEFAULT-VALUE},"
              + " the book's logspace(0, -4, 16); 1 runs the first only).")
  private int stdCount;

  @Option(
      names = "--std-exponents",
      split = ",",
      paramLabel = "FIRST,LAST",
      hideParamSyntax = true,
      defaultValue = "0,-4",
      description = "log10 of the first and last std (default: ${DEFAULT-VALUE}).")
  private double[] stdExponents;

  @Option(
      names = "--train-size",
      defaultValue = "1000",
      description = "Training samples, the first N (default: ${DEFAULT-VALUE}).")
  private int trainSize;

  @Option(
      names = "--epochs",
      defaultValue = "20",
      description = "Epochs per run (default: ${DEFAULT-VALUE}).")
  private int epochs;

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

  @Override
  public void validate() {
    logspace(stdExponents, stdCount);
    Require.atLeast("--train-size", trainSize, 1);
    Require.atLeast("--epochs", epochs, 1);
    Require.atLeast("--batch", batch, 1);
    Require.positive("--lr", learningRate);
  }

  @Override
  public Integer call() throws IOException {
    double[] stds = logspace(stdExponents, stdCount);
    TrainTestSplit split = data.load(false);
    Dataset train = data.first(split.train(), trainSize, "--train-size");
    System.out.printf(
        Locale.ROOT,
        "MultiLayerNetExtend 784-100x5-10 (ReLU) on the first %d training samples of %s;"
            + " SGD lr %s, batch %d, %d epochs; %d weight scales%n",
        train.size(),
        data.describe(),
        learningRate,
        batch,
        epochs,
        stds.length);
    SplittableRandom rng = new SplittableRandom(seed.seed());
    CsvTable csv =
        new CsvTable("std", "batch_norm", "epoch", "mean_loss", "train_accuracy", "test_accuracy");
    List<Figure> panels = new ArrayList<>();
    int columns = (int) Math.ceil(Math.sqrt(stds.length));
    long started = System.nanoTime();
    for (int i = 0; i < stds.length; i++) {
      double std = stds[i];
      TrainingHistory withBn = train(std, true, train, split.test(), rng);
      TrainingHistory withoutBn = train(std, false, train, split.test(), rng);
      for (TrainingHistory h : List.of(withBn, withoutBn)) {
        for (EpochResult e : h.epochs()) {
          csv.row(std, h == withBn, e.epoch(), e.meanLoss(), e.trainAccuracy(), e.testAccuracy());
        }
      }
      System.out.printf(
          Locale.ROOT,
          "W: %-9s train acc with BN %.4f, without %.4f%s%n",
          ShortNumber.format(std, 3),
          withBn.last().trainAccuracy(),
          withoutBn.last().trainAccuracy(),
          divergence(withBn, withoutBn));
      boolean left = i % columns == 0;
      boolean bottom = i >= stds.length - columns;
      panels.add(panel(std, withBn, withoutBn, i == 0, left, bottom));
    }
    System.out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
    FigureGrid grid =
        FigureGrid.of(
            columns,
            "Training accuracy with (solid) and without (dashed)"
                + " batch normalization, per weight-init std W (Fig 6-19)",
            panels);
    out.write("batchnorm/grid.png", grid::writePng);
    out.writeText("batchnorm/accuracy.csv", csv.toString());
    return 0;
  }

  private TrainingHistory train(
      double std, boolean batchNorm, Dataset train, Dataset test, SplittableRandom rng) {
    MultiLayerNet.Options options =
        MultiLayerNet.Options.defaults()
            .withWeightInit(WeightInit.normal(std))
            .withBatchNorm(batchNorm);
    MultiLayerNet net = new MultiLayerNet(784, HIDDEN, 10, options, rng.split());
    return new Trainer(
            net, new Sgd(learningRate), new Trainer.Config(epochs, batch, 0, rng.nextLong()))
        .allowDivergence() // large weights overflow without batch norm: Fig 6-19 shows it
        .fit(train, test);
  }

  /** Names the runs whose loss stopped being finite (overflow at large weights), or nothing. */
  private static String divergence(TrainingHistory withBn, TrainingHistory withoutBn) {
    StringBuilder text = new StringBuilder();
    int with = Curves.firstNonFiniteEpoch(withBn);
    int without = Curves.firstNonFiniteEpoch(withoutBn);
    if (with > 0) {
      text.append("; with BN the loss is not finite from epoch ").append(with);
    }
    if (without > 0) {
      text.append("; without BN the loss is not finite from epoch ")
          .append(without)
          .append(" (overflow; accuracy still plotted)");
    }
    return text.toString();
  }

  private static Figure panel(
      double std,
      TrainingHistory withBn,
      TrainingHistory withoutBn,
      boolean legend,
      boolean left,
      boolean bottom) {
    XChartFigure chart =
        LineChart.builder()
            .size(330, 240)
            .title("W: " + ShortNumber.format(std, 3))
            .xLabel(bottom ? "epochs" : "")
            .yLabel(left ? "accuracy" : "")
            .series(WITH, Curves.trainAccuracy(withBn))
            .dashedSeries(WITHOUT, Curves.trainAccuracy(withoutBn))
            .yRange(0, 1)
            .markers(false)
            .build();
    chart.chart().getStyler().setLegendVisible(legend);
    return chart;
  }

  /** {@code count} values from 10^first to 10^last, evenly spaced in log10 (NumPy's logspace). */
  private static double[] logspace(double[] exponents, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("--stds must be at least 1, got " + count);
    }
    if (exponents.length != 2 || !Double.isFinite(exponents[0]) || !Double.isFinite(exponents[1])) {
      throw new IllegalArgumentException(
          "--std-exponents needs two finite exponents FIRST,LAST such as 0,-4, got "
              + Arrays.toString(exponents));
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      double t = count == 1 ? 0 : (double) i / (count - 1);
      values[i] = Math.pow(10, exponents[0] + t * (exponents[1] - exponents[0]));
    }
    return values;
  }
}
