package dev.tapegrad.examples.cli;

import picocli.CommandLine.Option;

/**
 * The options of the book's iteration-based MNIST comparisons (optimizers, Fig 6-9; weight
 * initialisations, Fig 6-15): how long, on what batches, how often to print and how much to smooth.
 */
public final class ComparisonOptions {
  @Option(names = "--iterations", defaultValue = "2000",
      description = "Training iterations of the MNIST comparison (default: ${DEFAULT-VALUE}).")
  private int iterations;

  @Option(names = "--batch", defaultValue = "128",
      description = "Mini-batch size, drawn with replacement (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(names = "--log-every", defaultValue = "100",
      description = "Print the losses every N iterations, 0 for never (default: ${DEFAULT-VALUE}).")
  private int logEvery;

  @Option(names = "--smooth", defaultValue = "20",
      description = "Moving-average window of the loss chart in iterations (default: ${DEFAULT-VALUE}).")
  private int smooth;

  /**
   * Checks the values before any work starts (a long run must not fail at its chart).
   *
   * @throws IllegalArgumentException naming the option that is out of range
   */
  public void validate() {
    if (iterations < 1 || batch < 1 || smooth < 1) {
      throw new IllegalArgumentException("--iterations, --batch and --smooth must be at least 1, got "
          + iterations + ", " + batch + " and " + smooth);
    }
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
