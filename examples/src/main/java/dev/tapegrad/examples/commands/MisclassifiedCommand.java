package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.ClassNames;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.TestLimitOptions;
import dev.tapegrad.examples.cli.TrainedNetworkOptions;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.inference.BookNetwork;
import dev.tapegrad.examples.inference.LoadedNetwork;
import dev.tapegrad.examples.inference.Predictions;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.viz.chart.FigureGrid;
import dev.tapegrad.viz.chart.ImageGrid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Fig 8-2: the test digits a trained network gets wrong, captioned {@code label → predicted}. The
 * network is {@code --net} if given, else the book's trained DeepConvNet.
 */
@Command(
    name = "misclassified",
    mixinStandardHelpOptions = true,
    description =
        "Fig 8-2: the first misclassified test digits (label \u2192 predicted) and a CSV of all;"
            + " default network book-ch8.")
public final class MisclassifiedCommand implements Callable<Integer>, ValidatedOptions {
  private static final int PIXELS = Mnist.ROWS * Mnist.COLUMNS;

  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private TrainedNetworkOptions network;
  @Mixin private TestLimitOptions limit;

  @Option(
      names = "--count",
      defaultValue = "20",
      description = "Misclassified digits to draw (default: ${DEFAULT-VALUE}, the book's 4x5).")
  private int count;

  @Option(
      names = "--classes",
      paramLabel = "NAMES",
      description =
          "What the labels name: digits or fashion (Fashion-MNIST's T-shirt/top, Trouser, ...);"
              + " default: fashion when the --data folder's name contains \"fashion\", else"
              + " digits.")
  private String classes;

  @Override
  public void validate() {
    Require.atLeast("--count", count, 1);
    classNames();
  }

  /** {@code --classes}, or the guess from the data folder's name. */
  private ClassNames classNames() {
    if (classes == null) {
      return ClassNames.guessFrom(data.directory());
    }
    return switch (classes.toLowerCase(Locale.ROOT)) {
      case "digits" -> ClassNames.DIGITS;
      case "fashion" -> ClassNames.FASHION;
      default ->
          throw new IllegalArgumentException("--classes must be digits or fashion, got " + classes);
    };
  }

  @Override
  public Integer call() throws IOException {
    LoadedNetwork loaded = network.load(BookNetwork.CH8.toString());
    Dataset test = limit.apply(data.load(loaded.takesImages()).test());
    Predictions predictions = Predictions.of(loaded.network(), test, 100);
    int[] wrong = predictions.misclassified();
    System.out.printf(
        Locale.ROOT,
        "%s on %s: %d of %d test %s misclassified (accuracy %.4f)%n",
        loaded.source(),
        data.describe(),
        wrong.length,
        test.size(),
        classNames().things(),
        predictions.accuracy());
    out.writeText("misclassified/" + loaded.label() + ".csv", predictions.csv(wrong));
    if (wrong.length > 0) {
      int[] shown = Arrays.copyOf(wrong, Math.min(count, wrong.length));
      drawGrid(loaded.label(), test, predictions, shown);
    }
    return 0;
  }

  private void drawGrid(String label, Dataset test, Predictions predictions, int[] shown)
      throws IOException {
    double[] pixels = test.images().data();
    List<double[]> images = new ArrayList<>();
    ClassNames names = classNames();
    List<String> labels = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    for (int i : shown) {
      images.add(Arrays.copyOfRange(pixels, i * PIXELS, (i + 1) * PIXELS));
      labels.add(names.name(predictions.label(i)));
      predicted.add(names.name(predictions.predicted(i)));
      listed.add(
          i
              + ": "
              + labels.get(labels.size() - 1)
              + " \u2192 "
              + predicted.get(predicted.size() - 1));
    }
    System.out.println(
        "first misclassified (index: label \u2192 predicted): " + String.join(", ", listed));
    ImageGrid grid = ImageGrid.misclassified(images, Mnist.ROWS, Mnist.COLUMNS, labels, predicted);
    String title = label + ": label \u2192 predicted"; // the grid is narrow: counts go to stdout
    out.write("misclassified/" + label + ".png", FigureGrid.of(1, title, List.of(grid))::writePng);
  }
}
