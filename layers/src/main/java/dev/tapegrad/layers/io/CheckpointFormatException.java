package dev.tapegrad.layers.io;

import java.io.IOException;

/**
 * A checkpoint or weights file that cannot be used: corrupt, truncated, of an unsupported kind, or
 * holding other parameters than expected. The message names the file (and the entry inside it, when
 * there is one) and says what is wrong, on one line: control characters and line separators that a
 * file smuggles into it (in an entry or array name, say) are written as escapes ({@code \x0a}).
 */
public class CheckpointFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private static final char LINE_SEPARATOR = 0x2028;
  private static final char PARAGRAPH_SEPARATOR = 0x2029;

  /** A {@code problem} with {@code source}: a file, or a file and the entry inside it. */
  public CheckpointFormatException(String source, String problem) {
    super(oneLine(source + ": " + problem));
  }

  /** As {@link #CheckpointFormatException(String, String)}, keeping the low-level cause. */
  public CheckpointFormatException(String source, String problem, Throwable cause) {
    super(oneLine(source + ": " + problem), cause);
  }

  private static String oneLine(String message) {
    StringBuilder line = new StringBuilder(message.length());
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (Character.isISOControl(c) || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR) {
        line.append(String.format(c < 0x100 ? "\\x%02x" : "\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    return line.toString();
  }
}
