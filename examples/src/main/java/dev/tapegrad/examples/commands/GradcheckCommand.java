package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.check.GradCheckReport;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.NetworkKind;
import dev.tapegrad.examples.cli.NetworkOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.net.Network;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The book's gradient check (5.7.3): backpropagation against numerical differentiation on three
 * training samples, reported per parameter.
 */
@Command(
    name = "gradcheck",
    mixinStandardHelpOptions = true,
    description = "Section 5.7.3: compare the tape's gradients with numerical ones, per parameter.")
public final class GradcheckCommand implements Callable<Integer>, ValidatedOptions {
  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private NetworkOptions network;

  @Option(
      names = "--samples",
      defaultValue = "3",
      description = "Training samples (default: ${DEFAULT-VALUE}).")
  private int samples;

  @Option(
      names = "--max-elements",
      defaultValue = "200",
      description = "Elements compared per parameter, sampled (default: ${DEFAULT-VALUE}; 0: all).")
  private int maxElements;

  @Override
  public void validate() {
    Require.atLeast("--samples", samples, 1);
    Require.atLeast("--max-elements", maxElements, 0);
  }

  @Override
  public Integer call() throws IOException {
    NetworkKind kind = network.kind();
    Dataset batch = data.first(data.load(kind.takesImages()).train(), samples, "--samples");
    Network net = network.create(0, false, 0);
    net.eval(); // dropout would make the loss random between evaluations
    Tensor x = batch.images();
    int[] labels = batch.labels();
    GradCheck checker =
        maxElements > 0 ? GradCheck.withDefaults().sampling(maxElements) : GradCheck.withDefaults();
    Map<String, Tensor> params = net.parameters();
    GradCheckReport report = checker.checkParameters(params, () -> net.loss(x, labels));
    StringBuilder csv =
        new StringBuilder("parameter,shape,max_abs_error,tensor_relative_error,kinks,passed\n");
    System.out.printf(
        "%s, %d samples; per parameter: max |backprop - numerical|, relative error,"
            + " elements skipped on a ReLU/max kink%n",
        net.name(), samples);
    for (GradCheckReport.Entry e : report.entries()) {
      System.out.printf(
          Locale.ROOT,
          "  %-12s %.3e  %.3e  %d%s%n",
          e.name(),
          e.maxAbsoluteError(),
          e.relativeError(),
          e.kinks(),
          e.passed() ? "" : "  FAILED");
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%.6e,%.6e,%d,%s%n",
              e.name(),
              java.util.Arrays.toString(e.shape()).replace(", ", "x"),
              e.maxAbsoluteError(),
              e.relativeError(),
              e.kinks(),
              e.passed()));
    }
    System.out.println(report.passed() ? "gradients agree" : "GRADIENTS DISAGREE");
    out.writeText("gradcheck/" + kind + ".csv", csv.toString());
    return report.passed() ? 0 : 1;
  }
}
