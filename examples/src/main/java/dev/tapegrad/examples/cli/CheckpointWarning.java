package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.io.Checkpoint;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The one-line warning for a checkpoint that loaded but holds NaN or infinity (a run that diverged
 * before this version refused to save such files): what uses it will compute nonsense.
 */
public final class CheckpointWarning {
  private CheckpointWarning() {}

  /** Prints the warning to {@code err} if {@code report} found non-finite values; else nothing. */
  public static void print(Path file, Checkpoint.LoadReport report, PrintStream err) {
    if (!report.allFinite()) {
      err.println(
          "warning: "
              + file
              + " holds NaN or infinity in "
              + String.join(", ", report.nonFiniteEntries()));
    }
  }
}
