package dev.tapegrad.layers.data;

import java.io.IOException;

/**
 * A malformed IDX file, or IDX files that do not fit together as a dataset. The message is {@code
 * "<source>: <problem>"}, so it always names the file and says what is wrong with it.
 */
public final class IdxFormatException extends IOException {
  private final String source;
  private final String problem;

  /**
   * A format error in {@code source} (a file path or resource name), described by {@code problem}.
   */
  public IdxFormatException(String source, String problem) {
    this(source, problem, null);
  }

  /** As {@link #IdxFormatException(String, String)}, keeping the lower-level {@code cause}. */
  public IdxFormatException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
    this.problem = problem;
  }

  /** The file path or resource name that is malformed. */
  public String source() {
    return source;
  }

  /** What is wrong, without the source. */
  public String problem() {
    return problem;
  }
}
