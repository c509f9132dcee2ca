package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.QuickTrainingOptions;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.inference.BookNetwork;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.viz.chart.FigureGrid;
import dev.tapegrad.viz.chart.ImageGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Fig 7-24: the first-layer filters of a SimpleConvNet before training (random) and after it
 * (trained here briefly, or the book's trained {@code params.pkl}), as gray images.
 */
@Command(
    name = "filters",
    mixinStandardHelpOptions = true,
    description = "Fig 7-24: the 30 conv1 filters of a SimpleConvNet before and after training.")
public final class FiltersCommand implements Callable<Integer>, ValidatedOptions {
  private static final String CONV1 = "Conv1.W";

  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private QuickTrainingOptions training;

  @Option(
      names = "--weights",
      paramLabel = "FILE",
      arity = "0..1",
      fallbackValue = "",
      description =
          "Show the trained filters of the book's params.pkl (the copy that ships with"
              + " tapegrad, or FILE) instead of training here.")
  private String weights;

  @Override
  public void validate() throws IOException {
    if (weights != null && !weights.isEmpty()) {
      Require.readableFile("--weights", Path.of(weights));
    }
  }

  @Override
  public Integer call() throws IOException {
    Network net = training.newSimpleConvNet();
    Tensor before = net.parameters().get(CONV1).copy(); // training changes W in place
    Tensor after;
    String trainedBy;
    if (weights != null) {
      Path file = weights.isEmpty() ? null : Path.of(weights);
      after = BookNetwork.CH7.load(file).parameters().get(CONV1);
      trainedBy =
          "by the book: " + (file == null ? BookNetwork.CH7.weightsFile() : file.getFileName());
    } else {
      double accuracy = training.train(net, data.load(true)).last().testAccuracy();
      after = net.parameters().get(CONV1);
      trainedBy = String.format(Locale.ROOT, "here: test accuracy %.3f", accuracy);
    }
    write("filters/before.png", before, "Conv1 filters before training (random, 0.01\u00b7randn)");
    write("filters/after.png", after, "Conv1 filters trained " + trainedBy);
    return 0;
  }

  /** The (30,1,5,5) filters as a 10-column grid, each from its min (black) to its max (white). */
  private void write(String name, Tensor filters, String title) throws IOException {
    int[] shape = filters.shape();
    DoubleSummaryStatistics values = Arrays.stream(filters.data()).summaryStatistics();
    System.out.printf(
        Locale.ROOT, "%s: values from %.4f to %.4f%n", title, values.getMin(), values.getMax());
    ImageGrid grid = ImageGrid.filters(filters.data(), shape[0] * shape[1], shape[2], shape[3]);
    out.write(name, FigureGrid.of(1, title, List.of(grid))::writePng);
  }
}
