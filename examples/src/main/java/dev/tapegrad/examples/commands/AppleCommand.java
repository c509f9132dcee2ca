package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.viz.diagram.Diagram;
import dev.tapegrad.viz.diagram.ValueFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Chapter 5's shopping graphs and node examples, recorded on the tape: forward values and gradients
 * printed as the book shows them, each graph drawn as DOT, SVG and PNG.
 */
@Command(
    name = "apple",
    mixinStandardHelpOptions = true,
    description =
        "Chapter 5: the apple (Fig 5-16) and apple-orange (Fig 5-17) graphs with their"
            + " gradients, and the + and × nodes with upstream 1.3 (Fig 5-11, 5-13).")
public final class AppleCommand implements Callable<Integer> {
  @Mixin private Outputs out;

  @Override
  public Integer call() throws IOException {
    PrintStream o = System.out;
    apple(o);
    appleOrange(o);
    node(o, "+", "add node (Fig 5-11)");
    node(o, "×", "mul node (Fig 5-13)");
    return 0;
  }

  /** Fig 5-16: two apples at 100 yen, 10% tax. */
  private void apple(PrintStream o) throws IOException {
    Tensor apple = leaf(100, "apple");
    Tensor appleCount = leaf(2, "apple count");
    Tensor tax = leaf(1.1, "tax");
    try (Tape tape = Tape.record()) {
      Tensor price = apple.mul(appleCount).mul(tax).named("price");
      tape.backward(price);
      o.println("apple (Fig 5-16):");
      o.println(
          "  "
              + shown("price", price)
              + ", "
              + shown("dApple", apple.grad())
              + ", "
              + shown("dApple_num", appleCount.grad())
              + ", "
              + shown("dTax", tax.grad()));
      o.println("  as doubles: " + exact(price, apple.grad(), appleCount.grad(), tax.grad()));
      draw(tape, "apple");
    }
  }

  /** Fig 5-17: two apples at 100 and three oranges at 150 yen, 10% tax. */
  private void appleOrange(PrintStream o) throws IOException {
    Tensor apple = leaf(100, "apple");
    Tensor appleCount = leaf(2, "apple count");
    Tensor orange = leaf(150, "orange");
    Tensor orangeCount = leaf(3, "orange count");
    Tensor tax = leaf(1.1, "tax");
    try (Tape tape = Tape.record()) {
      Tensor price = apple.mul(appleCount).add(orange.mul(orangeCount)).mul(tax).named("price");
      tape.backward(price);
      o.println("apple and orange (Fig 5-17):");
      o.println(
          "  "
              + shown("price", price)
              + ", "
              + shown("dApple", apple.grad())
              + ", "
              + shown("dApple_num", appleCount.grad())
              + ", "
              + shown("dOrange", orange.grad())
              + ", "
              + shown("dOrange_num", orangeCount.grad())
              + ", "
              + shown("dTax", tax.grad()));
      o.println(
          "  as doubles: "
              + exact(
                  price,
                  apple.grad(),
                  appleCount.grad(),
                  orange.grad(),
                  orangeCount.grad(),
                  tax.grad()));
      draw(tape, "apple-orange");
    }
  }

  /** Fig 5-11 and 5-13: x = 10 and y = 5 into one node, upstream gradient 1.3. */
  private void node(PrintStream o, String symbol, String title) throws IOException {
    Tensor x = leaf(10, "x");
    Tensor y = leaf(5, "y");
    try (Tape tape = Tape.record()) {
      Tensor z = (symbol.equals("+") ? x.add(y) : x.mul(y)).named("z");
      tape.backward(z, Tensor.scalar(1.3));
      o.printf(
          Locale.ROOT,
          "%s: %s %s %s = %s; upstream 1.3 gives dx = %s, dy = %s%n",
          title,
          ValueFormat.of(x),
          symbol,
          ValueFormat.of(y),
          ValueFormat.of(z),
          ValueFormat.of(x.grad()),
          ValueFormat.of(y.grad()));
      draw(tape, symbol.equals("+") ? "add-node" : "mul-node");
    }
  }

  private static Tensor leaf(double value, String name) {
    return Tensor.scalar(value).named(name).requiresGrad();
  }

  private static String shown(String label, Tensor t) {
    return label + ": " + ValueFormat.of(t);
  }

  private static String exact(Tensor... values) {
    StringBuilder sb = new StringBuilder();
    for (Tensor t : values) {
      sb.append(sb.length() == 0 ? "" : ", ").append(t.item());
    }
    return sb.toString();
  }

  private void draw(Tape tape, String name) throws IOException {
    Diagram diagram = Diagram.of(tape);
    out.write("apple/" + name + ".dot", diagram::writeDot);
    out.write("apple/" + name + ".svg", diagram::writeSvg);
    out.write("apple/" + name + ".png", file -> diagram.writePng(file, 2));
  }
}
