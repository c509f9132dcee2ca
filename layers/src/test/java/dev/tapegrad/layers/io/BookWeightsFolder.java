package dev.tapegrad.layers.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tests find the book's pickled weights: the folder surefire names in {@code
 * tapegrad.test.bookWeights} ({@code shared/data/book-weights} beside the repository), if it is
 * there. The library itself only ever reads the files it is given.
 */
final class BookWeightsFolder {
  private BookWeightsFolder() {}

  static Optional<Path> find() {
    String configured = System.getProperty("tapegrad.test.bookWeights");
    return Optional.ofNullable(configured).map(Path::of).filter(Files::isDirectory);
  }
}
