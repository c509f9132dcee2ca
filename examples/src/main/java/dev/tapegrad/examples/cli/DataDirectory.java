package dev.tapegrad.examples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Finds the project's shared data directory (MNIST sample, the book's weights), which lives beside
 * the repository as {@code shared/data}, not inside it.
 *
 * <p>The system property {@value #PROPERTY}, or else the environment variable {@value
 * #ENVIRONMENT}, names the data directory explicitly. Without either, the working directory and
 * each of its parents are tried for a {@code shared/data} folder. A folder this process may not
 * look into counts as found, so that reading from it reports why it cannot be read.
 */
public final class DataDirectory {
  /** System property naming the data directory. */
  public static final String PROPERTY = "tapegrad.data";

  /** Environment variable naming the data directory. */
  public static final String ENVIRONMENT = "TAPEGRAD_DATA";

  private DataDirectory() {}

  /** The folder of the book's pickled weights, {@code book-weights}, if there is one. */
  public static Optional<Path> bookWeights() {
    return find("book-weights");
  }

  /** The folder {@code child} of the data directory (e.g. {@code book-weights}), if it exists. */
  public static Optional<Path> find(String child) {
    String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
    return find(child, configured, Path.of("").toAbsolutePath());
  }

  /**
   * The folder {@code child} of {@code configured} when that is set, otherwise of the first {@code
   * shared/data} found in {@code start} or one of its parents.
   */
  static Optional<Path> find(String child, String configured, Path start) {
    if (configured != null && !configured.isBlank()) {
      return existing(Path.of(configured).resolve(child));
    }
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Optional<Path> found = existing(dir.resolve("shared").resolve("data").resolve(child));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * {@code dir} if it is a directory, or may be one that this process is not allowed to look into
   * (so that reading from it reports "permission denied" rather than nothing found).
   */
  private static Optional<Path> existing(Path dir) {
    try {
      boolean directory = Files.readAttributes(dir, BasicFileAttributes.class).isDirectory();
      return directory ? Optional.of(dir) : Optional.empty();
    } catch (AccessDeniedException e) {
      return Optional.of(dir);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
