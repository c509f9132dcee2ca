package dev.tapegrad.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the ten class indices of an MNIST-format data set stand for: MNIST's digits, or
 * Fashion-MNIST's ten kinds of clothing (in the order of its labels 0 to 9).
 */
public enum ClassNames {
  DIGITS("digits", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
  FASHION(
      "images",
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot"));

  private final String things;
  private final List<String> names;

  ClassNames(String things, List<String> names) {
    this.things = things;
    this.names = names;
  }

  /** What the samples are called in a report: "digits", or "images" of clothing. */
  public String things() {
    return things;
  }

  /** The name of class {@code index} (0 to 9). */
  public String name(int index) {
    if (index < 0 || index >= names.size()) {
      throw new IllegalArgumentException(
          "class " + index + " is outside 0.." + (names.size() - 1) + " of " + this);
    }
    return names.get(index);
  }

  /**
   * FASHION for a data folder whose name contains "fashion" (as Fashion-MNIST's are usually called,
   * e.g. {@code fashion-mnist}), DIGITS otherwise and for the embedded sample ({@code null}).
   */
  public static ClassNames guessFrom(Path dataDirectory) {
    if (dataDirectory == null || dataDirectory.toAbsolutePath().normalize().getFileName() == null) {
      return DIGITS;
    }
    String folder = dataDirectory.toAbsolutePath().normalize().getFileName().toString();
    return folder.toLowerCase(Locale.ROOT).contains("fashion") ? FASHION : DIGITS;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
