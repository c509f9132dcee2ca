package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.ComparisonOptions;
import dev.tapegrad.examples.cli.CsvTable;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.SeedOption;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.experiments.ActivationStack;
import dev.tapegrad.examples.experiments.SameBatchComparison;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.net.Activation;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.optim.Sgd;
import dev.tapegrad.viz.chart.HistogramChart;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Section 6.2: activation histograms per weight initialisation (Fig 6-10, 6-11, 6-13, 6-14) and the
 * three initialisations compared on MNIST (Fig 6-15).
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Section 6.2, Fig 6-10 to 6-15: weight initialisation, activation histograms and MNIST.")
public final class InitCommand implements Callable<Integer>, ValidatedOptions {
  private static final List<Integer> HIDDEN = List.of(100, 100, 100, 100);

  /** One histogram figure of the book: an activation and a weight initialisation. */
  private record Setting(String file, String title, Activation activation, WeightInit init) {}

  private static final List<Setting> SETTINGS =
      List.of(
          new Setting(
              "sigmoid-std1",
              "sigmoid, std 1 (Fig 6-10)",
              Activation.SIGMOID,
              WeightInit.normal(1)),
          new Setting(
              "sigmoid-std0.01",
              "sigmoid, std 0.01 (Fig 6-11)",
              Activation.SIGMOID,
              WeightInit.normal(0.01)),
          new Setting(
              "sigmoid-xavier",
              "sigmoid, Xavier (Fig 6-13)",
              Activation.SIGMOID,
              WeightInit.xavier()),
          new Setting(
              "relu-std0.01",
              "ReLU, std 0.01 (Fig 6-14)",
              Activation.RELU,
              WeightInit.normal(0.01)),
          new Setting(
              "relu-xavier", "ReLU, Xavier (Fig 6-14)", Activation.RELU, WeightInit.xavier()),
          new Setting("relu-he", "ReLU, He (Fig 6-14)", Activation.RELU, WeightInit.he()));

  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private SeedOption seed;
  @Mixin private ComparisonOptions comparison;

  @Option(
      names = "--samples",
      defaultValue = "1000",
      description = "Random inputs of the histogram experiment (default: ${DEFAULT-VALUE}).")
  private int samples;

  @Option(
      names = "--lr",
      defaultValue = "0.01",
      description = "SGD learning rate of the MNIST comparison (default: ${DEFAULT-VALUE}).")
  private double learningRate;

  @Option(
      names = "--histograms-only",
      description = "Draw the activation histograms and skip MNIST.")
  private boolean histogramsOnly;

  @Override
  public void validate() {
    Require.atLeast("--samples", samples, 1);
    Require.positive("--lr", learningRate);
  }

  @Override
  public Integer call() throws IOException {
    histograms();
    if (!histogramsOnly) {
      mnist();
    }
    return 0;
  }

  /** randn(samples, 100) through 5 layers of 100 nodes without bias, per setting. */
  private void histograms() throws IOException {
    SplittableRandom rng = new SplittableRandom(seed.seed());
    Tensor input = Tensor.randn(rng, samples, 100);
    CsvTable csv = new CsvTable("setting", "layer", "mean", "std", "zero_fraction");
    System.out.printf(
        Locale.ROOT,
        "%d random inputs through 5 layers of 100 nodes, no bias;"
            + " mean activation per layer:%n",
        samples);
    for (Setting setting : SETTINGS) {
      List<Tensor> outputs =
          ActivationStack.outputs(input, 5, setting.init(), setting.activation(), rng.split());
      boolean relu = setting.activation() == Activation.RELU;
      HistogramChart.Builder chart =
          HistogramChart.builder()
              .bins(30)
              .range(0, 1)
              .title(
                  setting.title()
                      + ": "
                      + (relu ? "positive outputs" : "outputs")
                      + " of each layer, 30 bins over (0, 1)");
      StringBuilder means = new StringBuilder();
      for (int layer = 1; layer <= outputs.size(); layer++) {
        double[] values = outputs.get(layer - 1).data();
        double mean = mean(values);
        csv.row(setting.file(), layer, mean, std(values, mean), zeroFraction(values));
        means.append(String.format(Locale.ROOT, " %.3g", mean));
        // about half of a ReLU layer's outputs are exactly 0; that bin would dwarf the others
        chart.panel(layer + "-layer", relu ? positive(values) : values);
      }
      System.out.printf(Locale.ROOT, "  %-30s%s%n", setting.title(), means);
      out.write("init/activations-" + setting.file() + ".png", chart.build()::writePng);
    }
    System.out.println(
        "  (the book's footnote for ReLU, std 0.01: 0.0396 0.00290 0.000197 1.32e-05 9.46e-07)");
    out.writeText("init/activations.csv", csv.toString());
  }

  /** Fig 6-15: MultiLayerNet 784-100×4-10 with ReLU, SGD, per initialisation. */
  private void mnist() throws IOException {
    Dataset train = data.load(false).train();
    SplittableRandom rng = new SplittableRandom(seed.seed() + 1);
    SameBatchComparison race = new SameBatchComparison(comparison.batch());
    Map<String, WeightInit> inits = new LinkedHashMap<>();
    inits.put("std=0.01", WeightInit.normal(0.01));
    inits.put("Xavier", WeightInit.xavier());
    inits.put("He", WeightInit.he());
    inits.forEach(
        (name, init) -> {
          MultiLayerNet.Options options = MultiLayerNet.Options.defaults().withWeightInit(init);
          race.add(
              name,
              new MultiLayerNet(784, HIDDEN, 10, options, rng.split()),
              new Sgd(learningRate));
        });
    System.out.printf(
        Locale.ROOT,
        "MultiLayerNet 784-100x4-10 (ReLU) on %s (%d train), SGD lr %s, batch %d, %d iterations%n",
        data.describe(),
        train.size(),
        learningRate,
        comparison.batch(),
        comparison.iterations());
    race.run(train, comparison.iterations(), rng.nextLong(), System.out, comparison.logEvery())
        .write(
            out,
            "init/mnist-loss",
            "Weight initialisation on MNIST, 784-100x4-10 ReLU, SGD (Fig 6-15)",
            2.5,
            comparison.smooth());
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double std(double[] values, double mean) {
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / values.length);
  }

  private static double[] positive(double[] values) {
    return Arrays.stream(values).filter(v -> v > 0).toArray();
  }

  private static double zeroFraction(double[] values) {
    int zeros = 0;
    for (double v : values) {
      zeros += v == 0 ? 1 : 0;
    }
    return (double) zeros / values.length;
  }
}
