package dev.tapegrad.examples.cli;

import dev.tapegrad.autograd.io.AtomicFile;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks every command applies to its options before it does any work: counts are whole numbers
 * in range, rates finite and positive, ratios in [0, 1), and files and directories are there and
 * usable, found out by really opening them (permissions alone do not tell, for example for root). A
 * bad value throws an {@link IllegalArgumentException} naming the option (a usage error); a file
 * problem an {@link IOException} naming the option, the file and the operating system's reason.
 */
public final class Require {
  private Require() {}

  /** {@code value >= min}: {@code --epochs must be at least 1, got 0}. */
  public static void atLeast(String option, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
    }
  }

  /** A finite number above 0, such as a learning rate or a scale. */
  public static void positive(String option, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw new IllegalArgumentException(option + " must be a finite number above 0, got " + value);
    }
  }

  /** A finite number of 0 or more, such as a weight decay. */
  public static void nonNegative(String option, double value) {
    if (!(Double.isFinite(value) && value >= 0)) {
      throw new IllegalArgumentException(
          option + " must be a finite number of 0 or more, got " + value);
    }
  }

  /** A ratio in [0, 1), such as a dropout ratio. */
  public static void ratio(String option, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(option + " must be at least 0 and below 1, got " + value);
    }
  }

  /** A fraction strictly between 0 and 1, such as the part held out for validation. */
  public static void fraction(String option, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(option + " must be above 0 and below 1, got " + value);
    }
  }

  /** A file that can be opened for reading (and is not a directory). */
  public static void readableFile(String option, Path file) throws IOException {
    nonEmpty(option, file);
    try {
      Files.newInputStream(file).close();
      if (Files.isDirectory(file)) {
        throw new FileSystemException(file.toString(), null, "is a directory");
      }
    } catch (IOException e) {
      throw problem(option, file, e);
    }
  }

  /** A directory whose entries can be listed. */
  public static void readableDirectory(String option, Path directory) throws IOException {
    nonEmpty(option, directory);
    try {
      Files.newDirectoryStream(directory).close();
    } catch (IOException e) {
      throw problem(option, directory, e);
    }
  }

  /** A path that is not empty (the empty path would silently mean the working directory). */
  public static void nonEmpty(String option, Path path) {
    if (path.toString().isEmpty()) {
      throw new IllegalArgumentException(option + " must not be an empty path");
    }
  }

  /**
   * A directory files can be written in: it is created if missing, and a probe file is created in
   * it and deleted again.
   */
  public static void writableDirectory(String option, Path directory) throws IOException {
    nonEmpty(option, directory);
    try {
      Files.createDirectories(directory);
      AtomicFile.begin(directory.resolve("write-probe")).close();
    } catch (IOException e) {
      throw problem(option, directory, e);
    }
  }

  /**
   * A file that can be written: not a directory, in a directory that {@link #writableDirectory}
   * accepts.
   */
  public static void writableFile(String option, Path file) throws IOException {
    nonEmpty(option, file);
    if (Files.isDirectory(file)) {
      throw problem(option, file, new FileSystemException(file.toString(), null, "is a directory"));
    }
    writableDirectory(option, file.toAbsolutePath().getParent());
  }

  /** {@code <option> <path>: <reason>}, naming the path as the user gave it. */
  private static IOException problem(String option, Path path, IOException e) {
    return new IOException(option + " " + path + ": " + FailureReason.withoutFile(e), e);
  }
}
