package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.ComparisonOptions;
import dev.tapegrad.examples.cli.CsvTable;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.NetworkKind;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.SeedOption;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.experiments.OptimizerPath;
import dev.tapegrad.examples.experiments.SameBatchComparison;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.optim.AdaGrad;
import dev.tapegrad.layers.optim.Adam;
import dev.tapegrad.layers.optim.Momentum;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.optim.Sgd;
import dev.tapegrad.viz.chart.Bounds;
import dev.tapegrad.viz.chart.OptimizerPathChart;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Section 6.1: the four optimizers on the book's bowl f(x, y) = x²/20 + y² (Fig 6-8) and on MNIST
 * (Fig 6-9).
 */
@Command(
    name = "optimizers",
    mixinStandardHelpOptions = true,
    description =
        "Section 6.1, Fig 6-8 and 6-9: SGD, Momentum, AdaGrad and Adam on x²/20 + y² and on MNIST.")
public final class OptimizersCommand implements Callable<Integer>, ValidatedOptions {
  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private SeedOption seed;
  @Mixin private ComparisonOptions comparison;

  @Option(
      names = "--path-steps",
      defaultValue = "30",
      description = "Updates on x²/20 + y² from (-7, 2) (default: ${DEFAULT-VALUE}).")
  private int pathSteps;

  @Option(names = "--paths-only", description = "Draw the paths on x²/20 + y² and skip MNIST.")
  private boolean pathsOnly;

  @Override
  public void validate() {
    Require.atLeast("--path-steps", pathSteps, 1);
  }

  @Override
  public Integer call() throws IOException {
    paths();
    if (!pathsOnly) {
      mnist();
    }
    return 0;
  }

  /** Fig 6-8: the book's learning rates, other hyperparameters at their defaults. */
  private void paths() throws IOException {
    Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    optimizers.put("SGD", new Sgd(0.95));
    optimizers.put("Momentum", new Momentum(0.1));
    optimizers.put("AdaGrad", new AdaGrad(1.5));
    optimizers.put("Adam", new Adam(0.3));
    OptimizerPathChart.Builder chart =
        OptimizerPathChart.builder(OptimizerPath.FUNCTION, new Bounds(-10, 10, -5, 5))
            .minimum(0, 0)
            .title("f(x, y) = x²/20 + y² from (-7, 2), " + pathSteps + " updates (Fig 6-8)");
    CsvTable csv = new CsvTable("optimizer", "learning_rate", "step", "x", "y");
    System.out.printf(Locale.ROOT, "f(x, y) = x²/20 + y² from (-7, 2), %d updates:%n", pathSteps);
    for (Map.Entry<String, Optimizer> entry : optimizers.entrySet()) {
      String name = entry.getKey();
      List<Point2D> path = OptimizerPath.trace(entry.getValue(), -7, 2, pathSteps);
      for (int step = 0; step < path.size(); step++) {
        csv.row(
            name,
            entry.getValue().learningRate(),
            step,
            path.get(step).getX(),
            path.get(step).getY());
      }
      Point2D last = path.get(path.size() - 1);
      System.out.printf(
          Locale.ROOT,
          "  %-8s lr %-4s ends at (%.10f, %.10f)%n",
          name,
          entry.getValue().learningRate(),
          last.getX(),
          last.getY());
      chart.path(name + " (lr " + entry.getValue().learningRate() + ")", path);
    }
    out.write("optimizers/paths.png", chart.build()::writePng);
    out.writeText("optimizers/paths.csv", csv.toString());
  }

  /**
   * Fig 6-9: MultiLayerNet 784-100×4-10 (ReLU, He) per optimizer with its default hyperparameters.
   */
  private void mnist() throws IOException {
    Dataset train = data.load(false).train();
    Map<String, Supplier<Optimizer>> optimizers = new LinkedHashMap<>();
    optimizers.put("SGD", Sgd::new);
    optimizers.put("Momentum", Momentum::new);
    optimizers.put("AdaGrad", AdaGrad::new);
    optimizers.put("Adam", Adam::new);
    SplittableRandom rng = new SplittableRandom(seed.seed());
    SameBatchComparison race = new SameBatchComparison(comparison.batch());
    optimizers.forEach(
        (name, optimizer) ->
            race.add(
                name, NetworkKind.MULTI_LAYER.create(0, false, 0, rng.split()), optimizer.get()));
    System.out.printf(
        Locale.ROOT,
        "MultiLayerNet 784-100x4-10 (ReLU, He) on %s (%d train), batch %d, %d iterations, default"
            + " hyperparameters (SGD lr 0.01, Momentum 0.01/0.9, AdaGrad 0.01, Adam 0.001)%n",
        data.describe(),
        train.size(),
        comparison.batch(),
        comparison.iterations());
    race.run(train, comparison.iterations(), rng.nextLong(), System.out, comparison.logEvery())
        .write(
            out,
            "optimizers/mnist-loss",
            "Optimizers on MNIST, 784-100x4-10 ReLU (Fig 6-9)",
            1.0,
            comparison.smooth());
  }
}
