package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.plot.DecisionBoundaryChart;
import dev.tapegrad.examples.plot.DecisionLine;
import dev.tapegrad.viz.chart.XChartFigure;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Chapter 2: perceptron gates as weighted sums with a bias, and XOR as a two-layer perceptron. */
@Command(
    name = "gates",
    mixinStandardHelpOptions = true,
    description =
        "Chapter 2: AND, NAND, OR truth tables and decision lines (Fig 2-6);"
            + " XOR as NAND and OR into AND (Fig 2-7, 2-13).")
public final class GatesCommand implements Callable<Integer> {
  @Mixin private Outputs out;

  /** A perceptron {@code y = [w·x + b > 0]} (the book's bias form). */
  record Gate(String name, double w1, double w2, double b) {
    int apply(int x1, int x2) {
      Tensor sum = Tensor.vector(w1, w2).mul(Tensor.vector(x1, x2)).sum().add(b);
      return sum.item() > 0 ? 1 : 0;
    }

    /** Its line {@code w1·x1 + w2·x2 + b = 0} in numbers. */
    String equation() {
      return String.format(
              Locale.ROOT,
              "%s·x1 %s %s·x2 %s %s = 0",
              w1,
              sign(w2),
              Math.abs(w2),
              sign(b),
              Math.abs(b))
          .replace('-', '−');
    }

    DecisionLine line() {
      return new DecisionLine(name + " line", w1, w2, b);
    }

    private static String sign(double v) {
      return v < 0 ? "-" : "+";
    }
  }

  static final Gate AND = new Gate("AND", 0.5, 0.5, -0.7);
  static final Gate NAND = new Gate("NAND", -0.5, -0.5, 0.7);
  static final Gate OR = new Gate("OR", 0.5, 0.5, -0.2);

  static int xor(int x1, int x2) {
    return AND.apply(NAND.apply(x1, x2), OR.apply(x1, x2));
  }

  @Override
  public Integer call() throws IOException {
    PrintStream o = System.out;
    StringBuilder csv = new StringBuilder("gate,x1,x2,y\n");
    for (Gate g : new Gate[] {AND, NAND, OR}) {
      o.printf(
          Locale.ROOT, "%s (w = [%s, %s], b = %s)%n  x1 x2 | y%n", g.name(), g.w1(), g.w2(), g.b());
      for (int[] x : INPUTS) {
        int y = g.apply(x[0], x[1]);
        o.printf(Locale.ROOT, "   %d  %d | %d%n", x[0], x[1], y);
        csv.append(g.name())
            .append(',')
            .append(x[0])
            .append(',')
            .append(x[1])
            .append(',')
            .append(y)
            .append('\n');
      }
    }
    o.println("XOR = AND(NAND(x1, x2), OR(x1, x2)), a two-layer perceptron (Fig 2-13)");
    o.println("  x1 x2 | s1 s2 | y");
    for (int[] x : INPUTS) {
      int s1 = NAND.apply(x[0], x[1]);
      int s2 = OR.apply(x[0], x[1]);
      int y = xor(x[0], x[1]);
      o.printf(Locale.ROOT, "   %d  %d |  %d  %d | %d%n", x[0], x[1], s1, s2, y);
      csv.append("XOR,").append(x[0]).append(',').append(x[1]).append(',').append(y).append('\n');
    }
    double sum = Tensor.vector(0.5, 0.5).mul(Tensor.vector(0, 1)).sum().add(-0.7).item();
    o.println(
        "w·x + b for x = [0, 1], w = [0.5, 0.5], b = -0.7: "
            + sum
            + " (about -0.2: floating point)");
    out.writeText("gates/truth-tables.csv", csv.toString());
    for (Gate g : new Gate[] {AND, NAND, OR}) {
      XChartFigure chart =
          DecisionBoundaryChart.of(g.name() + ": " + g.equation(), List.of(g.line()), g::apply);
      out.write("gates/" + g.name().toLowerCase(Locale.ROOT) + ".png", chart::writePng);
    }
    XChartFigure xorChart =
        DecisionBoundaryChart.of(
            "XOR = AND(NAND, OR): no single line separates it",
            List.of(NAND.line(), OR.line()),
            GatesCommand::xor);
    out.write("gates/xor.png", xorChart::writePng);
    return 0;
  }

  private static final int[][] INPUTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
}
