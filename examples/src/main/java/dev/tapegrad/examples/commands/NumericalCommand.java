package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.numeric.GradientDescent;
import dev.tapegrad.examples.numeric.NumericalDerivatives;
import dev.tapegrad.examples.plot.GradientFieldChart;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.net.Activation;
import dev.tapegrad.layers.net.TwoLayerNet;
import dev.tapegrad.layers.optim.Sgd;
import dev.tapegrad.viz.chart.Bounds;
import dev.tapegrad.viz.chart.Figure;
import dev.tapegrad.viz.chart.LineChart;
import dev.tapegrad.viz.chart.OptimizerPathChart;
import dev.tapegrad.viz.diagram.ValueFormat;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Chapter 4 by numerical differentiation: derivatives and tangents of {@code 0.01x² + 0.1x},
 * partial derivatives and gradients of {@code x0² + x1²}, gradient descent on it, and the two-layer
 * network trained with numerical gradients, with the book's numbers and figures.
 */
@Command(
    name = "numerical",
    mixinStandardHelpOptions = true,
    description =
        "Chapter 4: numerical derivatives (Fig 4-7), gradients (Fig 4-9), gradient descent"
            + " (Fig 4-10) and TwoLayerNet trained with numerical gradients on a small subset (slow).")
public final class NumericalCommand implements Callable<Integer>, ValidatedOptions {
  @Mixin private Outputs out;
  @Mixin private DataOptions data;

  @Option(
      names = "--train-size",
      defaultValue = "100",
      description = "Training samples the network learns from (default: ${DEFAULT-VALUE}).")
  private int trainSize;

  @Option(
      names = "--batch",
      defaultValue = "20",
      description = "Mini-batch size (the book: 100; default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(
      names = "--iterations",
      defaultValue = "30",
      description =
          "SGD steps with numerical gradients, each 2 losses per parameter"
              + " (default: ${DEFAULT-VALUE}; 0 skips the training).")
  private int iterations;

  @Option(
      names = "--hidden",
      defaultValue = "10",
      description =
          "Hidden units of the 784-H-10 sigmoid network (the book: 50; default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(
      names = "--lr",
      defaultValue = "2",
      description =
          "Learning rate (default: ${DEFAULT-VALUE}; the book's 0.1 needs thousands of iterations"
              + " before the loss moves).")
  private double learningRate;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  /** Equation 4.5, written as the book evaluates it: {@code 0.01·(x²) + 0.1·x}. */
  static double function1(double x) {
    return 0.01 * (x * x) + 0.1 * x;
  }

  /** Equation 4.6, {@code x0² + x1²} (any number of elements: the sum of squares). */
  static double function2(Tensor x) {
    return x.mul(x).sum().item();
  }

  @Override
  public void validate() {
    Require.atLeast("--train-size", trainSize, 1);
    Require.atLeast("--batch", batch, 1);
    Require.atLeast("--iterations", iterations, 0);
    Require.atLeast("--hidden", hidden, 1);
    Require.positive("--lr", learningRate);
  }

  @Override
  public Integer call() throws IOException {
    PrintStream o = System.out;
    derivatives(o);
    gradients(o);
    descent(o);
    if (iterations > 0) {
      train(o);
    }
    return 0;
  }

  /** 4.3: numerical derivatives of equation 4.5 and their tangent lines (Fig 4-7). */
  private void derivatives(PrintStream o) throws IOException {
    DoubleUnaryOperator f = NumericalCommand::function1;
    o.println("f(x) = 0.01x² + 0.1x, central difference with h = 1e-4");
    for (double x : new double[] {5, 10}) {
      o.printf(
          Locale.ROOT,
          "  f'(%.0f) = %s (analytic %.1f)%n",
          x,
          NumericalDerivatives.derivative(f, x),
          0.02 * x + 0.1);
    }
    Tensor grid = Tensor.arange(0, 20, 0.1);
    double[] xs = grid.data();
    LineChart.Builder chart =
        LineChart.builder()
            .title("f(x) = 0.01x² + 0.1x and tangents (Fig 4-7)")
            .xLabel("x")
            .yLabel("f(x)")
            .size(600, 420)
            .series("f(x)", xs, values(f, xs));
    for (double x : new double[] {5, 10}) {
      chart.series("tangent at x = " + (int) x, xs, values(NumericalDerivatives.tangent(f, x), xs));
    }
    out.write("numerical/tangent.png", chart.build()::writePng);
    o.println("partial derivatives of f(x0, x1) = x0² + x1² at (3, 4):");
    o.println("  ∂f/∂x0 = " + NumericalDerivatives.derivative(x0 -> x0 * x0 + 4.0 * 4.0, 3.0));
    o.println("  ∂f/∂x1 = " + NumericalDerivatives.derivative(x1 -> 3.0 * 3.0 + x1 * x1, 4.0));
  }

  /** 4.4: numerical gradients of equation 4.6 and the field of −∇f (Fig 4-9). */
  private void gradients(PrintStream o) throws IOException {
    ToDoubleFunction<Tensor> f = NumericalCommand::function2;
    o.println("numerical gradient of x0² + x1²:");
    for (double[] p : new double[][] {{3, 4}, {0, 2}, {3, 0}}) {
      Tensor g = NumericalDerivatives.gradient(f, Tensor.vector(p));
      o.printf(
          Locale.ROOT, "  at %s: %s  (%s, %s)%n", Tensor.vector(p), g, g.data()[0], g.data()[1]);
    }
    double spacing = 0.25;
    List<double[]> arrows = new ArrayList<>();
    for (double x0 : Tensor.arange(-2, 2.5, spacing).data()) {
      for (double x1 : Tensor.arange(-2, 2.5, spacing).data()) {
        double[] g = NumericalDerivatives.gradient(f, Tensor.vector(x0, x1)).data();
        arrows.add(new double[] {x0, x1, -g[0], -g[1]});
      }
    }
    out.write(
        "numerical/gradient-field.png",
        GradientFieldChart.of("−∇f of f = x0² + x1² (Fig 4-9)", arrows, spacing)::writePng);
  }

  /** 4.4.1: gradient descent from (−3, 4) at three learning rates, and its path (Fig 4-10). */
  private void descent(PrintStream o) throws IOException {
    ToDoubleFunction<Tensor> f = NumericalCommand::function2;
    Tensor start = Tensor.vector(-3.0, 4.0);
    o.println("gradient descent on x0² + x1² from " + start + ", 100 steps:");
    for (double lr : new double[] {0.1, 10.0, 1e-10}) {
      List<Tensor> path = GradientDescent.path(f, start, lr, 100);
      o.printf(Locale.ROOT, "  lr %-5s -> %s%n", ValueFormat.number(lr), path.get(path.size() - 1));
    }
    List<Tensor> path = GradientDescent.path(f, start, 0.1, 20);
    StringBuilder csv = new StringBuilder("step,x0,x1\n");
    List<Point2D> points = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      double[] p = path.get(i).data();
      csv.append(String.format(Locale.ROOT, "%d,%s,%s%n", i, p[0], p[1]));
      points.add(new Point2D.Double(p[0], p[1]));
    }
    out.writeText("numerical/gradient-descent.csv", csv.toString());
    Figure pathChart =
        OptimizerPathChart.builder((x0, x1) -> x0 * x0 + x1 * x1, new Bounds(-3.5, 3.5, -4.5, 4.5))
            .path("gradient descent, lr 0.1, 20 steps (Fig 4-10)", points)
            .minimum(0, 0)
            .columns(1)
            .panelSize(520, 600)
            .build();
    out.write("numerical/gradient-descent.png", pathChart::writePng);
  }

  /**
   * 4.5: the chapter-4 two-layer network (sigmoid, weights 0.01·randn) trained by SGD on random
   * mini-batches (drawn with replacement, as the book does) with numerical gradients; the loss on
   * each batch is recorded after its update.
   */
  private void train(PrintStream o) throws IOException {
    TrainTestSplit split = data.load(false);
    Dataset train = split.train().subset(Math.min(trainSize, split.train().size()));
    Random rng = new Random(seed);
    TwoLayerNet net =
        new TwoLayerNet(784, hidden, 10, WeightInit.normal(0.01), Activation.SIGMOID, rng);
    Sgd sgd = new Sgd(learningRate);
    o.printf(
        Locale.ROOT,
        "TwoLayerNet 784-%d-10 (sigmoid), numerical gradients (h = 1e-4), %d samples of %s,"
            + " batch %d, lr %s, %d iterations:%n",
        hidden,
        train.size(),
        data.describe(),
        batch,
        learningRate,
        iterations);
    double[] losses = new double[iterations];
    double[] steps = new double[iterations];
    StringBuilder csv = new StringBuilder("iteration,loss\n");
    long started = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      int[] picks = rng.ints(batch, 0, train.size()).toArray();
      Dataset b = train.rows(picks);
      Map<String, Tensor> grads =
          net.numericalGradients(b.images(), b.labels(), NumericalDerivatives.H);
      sgd.step(net.parameters(), grads);
      losses[i] = net.loss(b.images(), b.labels()).item();
      steps[i] = i + 1;
      o.printf(Locale.ROOT, "  iteration %3d  loss %.6f%n", i + 1, losses[i]);
      csv.append(i + 1).append(',').append(losses[i]).append('\n');
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    o.printf(
        Locale.ROOT,
        "accuracy: train subset %.4f, test %.4f (%.1f s, %.2f s per iteration)%n",
        net.accuracy(train.images(), train.labels(), 100),
        net.accuracy(split.test().images(), split.test().labels(), 500),
        seconds,
        seconds / iterations);
    out.writeText("numerical/train-loss.csv", csv.toString());
    out.write(
        "numerical/train-loss.png",
        LineChart.builder()
                .title("TwoLayerNet with numerical gradients: loss")
                .xLabel("iterations")
                .yLabel("loss")
                .size(600, 420)
                .series("loss", steps, losses)
                .build()
            ::writePng);
  }

  private static double[] values(DoubleUnaryOperator f, double[] xs) {
    double[] ys = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      ys[i] = f.applyAsDouble(xs[i]);
    }
    return ys;
  }
}
