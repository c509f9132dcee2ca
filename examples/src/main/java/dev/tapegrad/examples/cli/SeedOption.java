package dev.tapegrad.examples.cli;

import picocli.CommandLine.Option;

/** The {@code --seed} option: one number from which a command draws all its randomness. */
public final class SeedOption {
  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  public long seed() {
    return seed;
  }
}
