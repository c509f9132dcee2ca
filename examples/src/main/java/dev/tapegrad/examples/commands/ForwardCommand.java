package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.layers.F;
import dev.tapegrad.layers.Sequential;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.Sigmoid;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Chapter 3: activation functions, the 3-layer demo network and softmax, with the book's numbers. */
@Command(
    name = "forward",
    mixinStandardHelpOptions = true,
    description = "Chapter 3: activations, the 2-3-2-2 demo network (Fig 3-15) and softmax.")
public final class ForwardCommand implements Callable<Integer> {
  @Mixin private Outputs out;

  /** The demo network of Fig 3-15 with the book's weights (identity output). */
  static Sequential demoNetwork() {
    return new Sequential(
        "Demo",
        new Affine("Affine1", Tensor.of(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}),
            Tensor.vector(0.1, 0.2, 0.3)),
        new Sigmoid("Sigmoid1"),
        new Affine("Affine2", Tensor.of(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}),
            Tensor.vector(0.1, 0.2)),
        new Sigmoid("Sigmoid2"),
        new Affine("Affine3", Tensor.of(new double[][] {{0.1, 0.3}, {0.2, 0.4}}),
            Tensor.vector(0.1, 0.2)));
  }

  @Override
  public Integer call() {
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
    StringBuilder csv = new StringBuilder("x,step,sigmoid,relu\n");
    Tensor grid = Tensor.arange(-5, 5, 0.1);
    double[] s = F.sigmoid(grid).data();
    double[] r = grid.relu().data();
    for (int i = 0; i < grid.size(); i++) {
      double v = grid.data()[i];
      csv.append(String.format(java.util.Locale.ROOT, "%.1f,%d,%.8f,%.1f%n", v, v > 0 ? 1 : 0, s[i], r[i]));
    }
    out.writeText("forward/activations.csv", csv.toString());
    out.report(o);
    return 0;
  }
}
