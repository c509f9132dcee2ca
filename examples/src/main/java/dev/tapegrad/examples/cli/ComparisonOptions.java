package dev.tapegrad.examples.cli;

import picocli.CommandLine.Option;

/**
 * The options of the book's iteration-based MNIST comparisons (optimizers, Fig 6-9; weight
 * initialisations, Fig 6-15): how long, on what batches, how often to print and how much to smooth.
 */
public final class ComparisonOptions implements ValidatedOptions {
  @Option(
      names = "--iterations",
      defaultValue = "2000",
      description = "Training iterations of the MNIST comparison (default: ${DEFAULT-VALUE}).")
  private int iterations;

  @Option(
      names = "--batch",
      defaultValue = "128",
      description = "Mini-batch size, drawn with replacement (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(
      names = "--log-every",
      defaultValue = "100",
      description = "Print the losses every N iterations, 0 for never (default: ${DEFAULT-VALUE}).")
  private int logEvery;

  @Option(
      names = "--smooth",
      defaultValue = "20",
      description =
          "Moving-average window of the loss chart in iterations (default: ${DEFAULT-VALUE}).")
  private int smooth;

  @Override
  public void validate() {
    Require.atLeast("--iterations", iterations, 1);
    Require.atLeast("--batch", batch, 1);
    Require.atLeast("--log-every", logEvery, 0);
    Require.atLeast("--smooth", smooth, 1);
  }

  public int iterations() {
    return iterations;
  }

  public int batch() {
    return batch;
  }

  public int logEvery() {
    return logEvery;
  }

  public int smooth() {
    return smooth;
  }
}
