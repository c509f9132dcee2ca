package dev.tapegrad.layers.io;

import java.io.IOException;

/**
 * A checkpoint or weights file that cannot be used: corrupt, truncated, of an unsupported kind, or
 * holding other parameters than expected. The message names the file (and the entry inside it, when
 * there is one) and says what is wrong.
 */
public class CheckpointFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A {@code problem} with {@code source}: a file, or a file and the entry inside it. */
  public CheckpointFormatException(String source, String problem) {
    super(source + ": " + problem);
  }

  /** As {@link #CheckpointFormatException(String, String)}, keeping the low-level cause. */
  public CheckpointFormatException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
  }
}
