package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.Main;
import dev.tapegrad.examples.cli.Outputs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * The main job: a short version of every chapter command, offline on the embedded MNIST sample,
 * into one output directory, ending with an index of what was made.
 */
@Command(
    name = "tour",
    mixinStandardHelpOptions = true,
    description =
        "The whole book in a few minutes: every chapter command on small settings,"
            + " then an index of the files made.")
public final class TourCommand implements Callable<Integer> {
  @Mixin private Outputs out;
  @ParentCommand private Main main;

  /** One step of the tour: what it shows and the command line that shows it. */
  public record Step(String title, String... args) {}

  /** The steps, in the book's order. */
  public static List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("Ch 2  perceptron gates", "gates"));
    steps.add(new Step("Ch 3  activations, the 3-layer network, softmax", "forward"));
    steps.add(
        new Step(
            "Ch 3  the book's trained network on the test digits", "infer", "--net", "book-ch3"));
    steps.add(
        new Step(
            "Ch 4  numerical differentiation and gradient descent",
            "numerical",
            "--iterations",
            "5"));
    steps.add(new Step("Ch 5  the apple graphs, forward and backward", "apple"));
    steps.add(new Step("Ch 5  gradient check of TwoLayerNet", "gradcheck", "--net", "two-layer"));
    steps.add(
        new Step("Ch 5  training TwoLayerNet", "train", "--net", "two-layer", "--epochs", "3"));
    steps.add(new Step("Ch 5  TwoLayerNet's graph", "graph", "--net", "two-layer"));
    steps.add(
        new Step(
            "Ch 6  optimizer paths and an MNIST comparison (short)",
            "optimizers",
            "--iterations",
            "60",
            "--log-every",
            "20"));
    steps.add(
        new Step(
            "Ch 6  activation histograms per initialisation",
            "init",
            "--iterations",
            "40",
            "--log-every",
            "20"));
    steps.add(
        new Step(
            "Ch 6  batch normalization across weight scales (short)",
            "batchnorm",
            "--stds",
            "4",
            "--epochs",
            "4"));
    steps.add(
        new Step(
            "Ch 6  overfitting, weight decay and dropout (short)",
            "overfit",
            "--epochs",
            "30",
            "--dropout-epochs",
            "30",
            "--log-every",
            "10"));
    steps.add(
        new Step(
            "Ch 6  random hyperparameter search (short)",
            "hyperparams",
            "--trials",
            "6",
            "--epochs",
            "5",
            "--best",
            "6"));
    steps.add(
        new Step(
            "Ch 7  SimpleConvNet's graph, op level",
            "graph",
            "--net",
            "simple-conv",
            "--level",
            "op"));
    steps.add(
        new Step(
            "Ch 7  training SimpleConvNet (short)",
            "train",
            "--net",
            "simple-conv",
            "--optimizer",
            "adam",
            "--lr",
            "0.001",
            "--epochs",
            "1",
            "--train-size",
            "2000"));
    steps.add(
        new Step(
            "Ch 7  conv1 filters before and after training",
            "filters",
            "--epochs",
            "1",
            "--train-size",
            "2000"));
    steps.add(new Step("Ch 8  misclassified digits", "misclassified", "--limit", "500"));
    return steps;
  }

  @Override
  public Integer call() throws IOException {
    PrintStream o = System.out;
    long started = System.nanoTime();
    List<String> failed = new ArrayList<>();
    List<Step> steps = steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      o.printf(
          Locale.ROOT,
          "%n== [%d/%d] %s: tapegrad %s%n",
          i + 1,
          steps.size(),
          step.title(),
          String.join(" ", step.args()));
      List<String> args = new ArrayList<>(List.of(step.args()));
      args.add("--out");
      args.add(out.directory().toString());
      if (main.verbose()) {
        args.add("--verbose");
      }
      if (Main.run(args.toArray(String[]::new)) != 0) {
        failed.add(step.title());
      }
    }
    o.printf(
        Locale.ROOT,
        "%n== tour finished in %.0f s; files under %s:%n",
        (System.nanoTime() - started) / 1e9,
        out.directory());
    printIndex(o, out.directory());
    if (!failed.isEmpty()) {
      o.println("failed steps: " + String.join("; ", failed));
      return 1;
    }
    return 0;
  }

  /** Every file under {@code dir}, grouped by the command folder that holds it. */
  private static void printIndex(PrintStream o, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      String folder = "";
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = dir.relativize(p);
        String group = rel.getNameCount() > 1 ? rel.getName(0).toString() : ".";
        if (!group.equals(folder)) {
          o.println("  " + group + "/");
          folder = group;
        }
        o.println("    " + rel.getFileName());
      }
    }
  }
}
