package dev.tapegrad.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortNumberTest {
  @ParameterizedTest
  @CsvSource({
    // the book's printed search results, then Python's switch to exponents below 1e-4
    "0.0092004, 0.0092",
    "3.8612e-07, 3.86e-07",
    "0.00956, 0.00956",
    "1.4349e-05, 1.43e-05",
    "0.0001, 0.0001",
    "9.9996e-05, 0.0001",
    "9.46e-7, 9.46e-07",
    "0.5411695265464638, 0.541",
    "1.0, 1",
    "12345, 12300",
    "-0.000631, -0.000631",
    "1.5e20, 1.5e+20",
  })
  void roundsToThreeDigitsAndWritesAsPython(double value, String expected) {
    assertEquals(expected, ShortNumber.format(value, 3));
  }

  @ParameterizedTest
  @CsvSource({"0.0, 0.0", "NaN, NaN", "Infinity, Infinity"})
  void zeroAndNonFiniteValuesAreWrittenAsThey(double value, String expected) {
    assertEquals(expected, ShortNumber.format(value, 3));
  }

  @ParameterizedTest
  @CsvSource({"0", "-1"})
  void needsAtLeastOneDigit(int digits) {
    assertThrows(IllegalArgumentException.class, () -> ShortNumber.format(1, digits));
  }
}
