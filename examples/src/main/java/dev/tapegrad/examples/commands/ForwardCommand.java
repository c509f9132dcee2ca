package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.layers.F;
import dev.tapegrad.layers.Sequential;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.Sigmoid;
import dev.tapegrad.viz.chart.LineChart;
import dev.tapegrad.viz.chart.XChartFigure;
import java.awt.BasicStroke;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Chapter 3: activation functions, the 3-layer demo network and softmax, with the book's numbers.
 */
@Command(
    name = "forward",
    mixinStandardHelpOptions = true,
    description =
        "Chapter 3: activations (Fig 3-6 to 3-9), the 2-3-2-2 demo network (Fig 3-15)"
            + " and softmax.")
public final class ForwardCommand implements Callable<Integer> {
  @Mixin private Outputs out;

  /** The demo network of Fig 3-15 with the book's weights (identity output). */
  static Sequential demoNetwork() {
    return new Sequential(
        "Demo",
        new Affine(
            "Affine1",
            Tensor.of(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}),
            Tensor.vector(0.1, 0.2, 0.3)),
        new Sigmoid("Sigmoid1"),
        new Affine(
            "Affine2",
            Tensor.of(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}),
            Tensor.vector(0.1, 0.2)),
        new Sigmoid("Sigmoid2"),
        new Affine(
            "Affine3",
            Tensor.of(new double[][] {{0.1, 0.3}, {0.2, 0.4}}),
            Tensor.vector(0.1, 0.2)));
  }

  private static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f);

  /** An empty activation plot over x in [-5, 5) with the book's y limits. */
  private static LineChart.Builder activation(String title, double yMin, double yMax) {
    return LineChart.builder()
        .title(title)
        .xLabel("x")
        .yLabel("h(x)")
        .size(520, 380)
        .yRange(yMin, yMax);
  }

  @Override
  public Integer call() throws IOException {
    PrintStream o = System.out;
    Tensor x = Tensor.vector(-1.0, 1.0, 2.0);
    o.println("x               = " + x);
    o.println("sigmoid(x)      = " + F.sigmoid(x));
    o.println("relu(x)         = " + x.relu());
    Tensor y = demoNetwork().apply(Tensor.vector(1.0, 0.5));
    o.println("3-layer network, x = [1.0, 0.5]: y = " + y);
    Tensor a = Tensor.vector(0.3, 2.9, 4.0);
    o.println("softmax(" + a + ") = " + F.softmax(a));
    Tensor big = Tensor.vector(1010, 1000, 990);
    o.println("softmax(" + big + ") = " + F.softmax(big) + " (max subtracted: no overflow)");
    Tensor grid = Tensor.arange(-5, 5, 0.1);
    double[] xs = grid.data();
    double[] step = Arrays.stream(xs).map(v -> v > 0 ? 1 : 0).toArray();
    double[] sigmoid = F.sigmoid(grid).data();
    double[] relu = grid.relu().data();
    StringBuilder csv = new StringBuilder("x,step,sigmoid,relu\n");
    for (int i = 0; i < xs.length; i++) {
      csv.append(
          String.format(
              Locale.ROOT, "%.1f,%d,%.8f,%.1f%n", xs[i], (int) step[i], sigmoid[i], relu[i]));
    }
    out.writeText("forward/activations.csv", csv.toString());
    XChartFigure stepChart =
        activation("Step function (Fig 3-6)", -0.1, 1.1).series("step", xs, step).build();
    out.write("forward/step.png", stepChart::writePng);
    XChartFigure sigmoidChart =
        activation("Sigmoid function (Fig 3-7)", -0.1, 1.1).series("sigmoid", xs, sigmoid).build();
    out.write("forward/sigmoid.png", sigmoidChart::writePng);
    XChartFigure both =
        activation("Sigmoid and step (Fig 3-8)", -0.1, 1.1)
            .series("sigmoid", xs, sigmoid)
            .series("step", xs, step)
            .build();
    ((XYChart) both.chart()).getSeries("step").setLineStyle(DASHED);
    out.write("forward/step-sigmoid.png", both::writePng);
    XChartFigure reluChart =
        activation("ReLU function (Fig 3-9)", -1, 5.5).series("relu", xs, relu).build();
    out.write("forward/relu.png", reluChart::writePng);
    return 0;
  }
}
