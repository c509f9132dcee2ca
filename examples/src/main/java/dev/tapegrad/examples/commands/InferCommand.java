package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.TestLimitOptions;
import dev.tapegrad.examples.cli.TrainedNetworkOptions;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.inference.LoadedNetwork;
import dev.tapegrad.examples.inference.Predictions;
import dev.tapegrad.layers.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs a trained network over the test digits (the book's inference experiments, 3.6 and the
 * trained networks of chapters 7 and 8) and prints its accuracy.
 */
@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    description =
        "Sections 3.6, 7.5, 8.1: run a trained network on the test digits and print its accuracy.")
public final class InferCommand implements Callable<Integer>, ValidatedOptions {
  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private TrainedNetworkOptions network;
  @Mixin private TestLimitOptions limit;

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      description = "Also write index,label,predicted for every test image to this CSV file.")
  private Path predictionsFile;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "Batch size (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Override
  public void validate() throws IOException {
    Require.atLeast("--batch", batch, 1);
    if (predictionsFile != null) {
      Require.writableFile("--predictions", predictionsFile);
    }
  }

  @Override
  public Integer call() throws IOException {
    LoadedNetwork loaded = network.load("book-ch3");
    Dataset test = limit.apply(data.load(loaded.takesImages()).test());
    System.out.printf(
        Locale.ROOT,
        "%s: %s on %s, %d test images%n",
        loaded.source(),
        loaded.network().name(),
        data.describe(),
        test.size());
    long started = System.nanoTime();
    Predictions predictions = Predictions.of(loaded.network(), test, batch);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "accuracy %.4f (%d of %d correct) in %.1f s%n",
        predictions.accuracy(),
        predictions.correct(),
        predictions.size(),
        seconds);
    System.out.println("first predictions: " + predictions.firstDigits(40));
    if (predictionsFile != null) {
      String csv = predictions.csv();
      out.writeUserFile(predictionsFile, file -> Files.writeString(file, csv));
    }
    return 0;
  }
}
