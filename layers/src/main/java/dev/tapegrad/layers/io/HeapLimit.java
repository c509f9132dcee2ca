package dev.tapegrad.layers.io;

import java.util.Locale;
import java.util.Optional;

/**
 * The most memory this JVM may ever hold ({@code -Xmx}). Readers check an array that a file
 * declares against it before allocating, so that an array which could never fit is reported with a
 * message instead of an {@link OutOfMemoryError}. It is a ceiling, not a promise: an array below it
 * may still not fit beside everything else the program holds.
 */
public final class HeapLimit {
  private HeapLimit() {}

  /**
   * Empty if {@code bytes} may fit in the heap, otherwise why not, e.g. {@code needs 2,147,483,648
   * bytes, more than this JVM's maximum heap of 67,108,864 bytes (see -Xmx)}.
   */
  public static Optional<String> problem(long bytes) {
    long max = Runtime.getRuntime().maxMemory();
    if (bytes <= max) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "needs %,d bytes, more than this JVM's maximum heap of %,d bytes (see -Xmx)",
            bytes,
            max));
  }
}
