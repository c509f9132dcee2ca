package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapegrad.examples.cli.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** Tests with and without the book's pickled weights (which are not part of the repository). */
final class BookWeightsFixture {
  private BookWeightsFixture() {}

  /** Skips the calling test unless the shared {@code book-weights} folder holds {@code file}. */
  static void assumeBookWeights(String file) {
    Optional<Path> dir = DataDirectory.bookWeights();
    assumeTrue(
        dir.isPresent() && Files.isRegularFile(dir.get().resolve(file)),
        "the book's " + file + " is not in shared/data/book-weights: skipped");
  }

  /**
   * Runs {@code action} with the data directory pointed at {@code emptyDirectory}: no book weights.
   */
  static <T> T withoutBookWeights(Path emptyDirectory, Supplier<T> action) {
    String before = System.getProperty(DataDirectory.PROPERTY);
    System.setProperty(DataDirectory.PROPERTY, emptyDirectory.toString());
    try {
      return action.get();
    } finally {
      if (before == null) {
        System.clearProperty(DataDirectory.PROPERTY);
      } else {
        System.setProperty(DataDirectory.PROPERTY, before);
      }
    }
  }
}
