package dev.tapegrad.layers.io;

import dev.tapegrad.layers.data.IdxReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one file with one of the readers, for tests that run it in a JVM of their own with a small
 * heap: {@code ReadOneFile npz|npy|pickle|idx FILE}. Prints the error message and exits with 2 when
 * the reader rejects the file; exits with 0 when it reads it. Anything else (an {@link Error} such
 * as {@link OutOfMemoryError}) ends the JVM as usual, with status 1 and a stack trace.
 */
public final class ReadOneFile {
  /** The status of a rejected file. */
  public static final int REJECTED = 2;

  private ReadOneFile() {}

  public static void main(String[] args) {
    Path file = Path.of(args[1]);
    try {
      switch (args[0]) {
        case "npz" -> Npz.read(file);
        case "npy" -> Npy.read(file);
        case "pickle" -> BookWeights.load(file);
        case "idx" -> IdxReader.read(file);
        default -> throw new IllegalArgumentException("unknown reader " + args[0]);
      }
    } catch (IOException e) {
      System.err.println(e.getMessage());
      System.exit(REJECTED);
    }
  }
}
