package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.data.Dataset;
import picocli.CommandLine.Option;

/** The {@code --limit N} option of commands that run a network over the test split. */
public final class TestLimitOptions implements ValidatedOptions {
  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "0",
      description = "Use only the first N test images (default: all).")
  private int limit;

  @Override
  public void validate() {
    Require.atLeast("--limit", limit, 0);
  }

  /** The first {@code --limit} samples of {@code test}, or all of them. */
  public Dataset apply(Dataset test) {
    return limit > 0 && limit < test.size() ? test.subset(limit) : test;
  }
}
