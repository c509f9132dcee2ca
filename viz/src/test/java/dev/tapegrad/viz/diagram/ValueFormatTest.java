package dev.tapegrad.viz.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Labels: rounded numbers, shapes, op symbols and scope paths. */
class ValueFormatTest {

  @ParameterizedTest
  @CsvSource({
    "220.00000000000003, 220",
    "110.00000000000001, 110",
    "715.0000000000001, 715",
    "3.3000000000000003, 3.3",
    "2.2, 2.2",
    "-0.8, -0.8",
    "0.30573222, 0.3057",
    "0.000123456, 0.0001235",
    "0.0000123456, 1.235e-05",
    "1234567, 1.235e+06",
    "999999, 1e+06",
    "0, 0",
    "-0.0, 0",
    "1, 1"
  })
  void numbersKeepFourSignificantDigits(double value, String expected) {
    assertEquals(expected, ValueFormat.number(value));
  }

  @Test
  void nonFiniteNumbersAreNamed() {
    assertEquals("nan", ValueFormat.number(Double.NaN));
    assertEquals("-inf", ValueFormat.number(Double.NEGATIVE_INFINITY));
  }

  @Test
  void tensorsShowTheirShapeAndScalarsTheirValue() {
    assertEquals("(2,3)", ValueFormat.of(Tensor.zeros(2, 3)));
    assertEquals("(3,)", ValueFormat.of(Tensor.zeros(3)));
    assertEquals("220", ValueFormat.of(Tensor.scalar(100 * 2 * 1.1)));
    assertEquals("7", ValueFormat.of(Tensor.full(7, 1, 1)));
    assertEquals("", ValueFormat.of(null));
  }

  @Test
  void opsAreLabelledLikeTheBook() {
    assertEquals("×", OpSymbols.of("mul", Map.of()));
    assertEquals("+", OpSymbols.of("add", Map.of()));
    assertEquals("\u2212", OpSymbols.of("sub", Map.of()));
    assertEquals("/", OpSymbols.of("div", Map.of()));
    assertEquals("**2", OpSymbols.of("pow", Map.of("exponent", 2.0)));
    assertEquals("/", OpSymbols.of("pow", Map.of("exponent", -1.0)));
    assertEquals("**0.5", OpSymbols.of("pow", Map.of("exponent", 0.5)));
    assertEquals("exp", OpSymbols.of("exp", Map.of()));
    assertEquals("im2col", OpSymbols.of("im2col", Map.of()));
  }

  @Test
  void scopePathsSplitOnSlashes() {
    assertEquals("Affine1", ScopePaths.name("TwoLayerNet/Affine1"));
    assertEquals("TwoLayerNet", ScopePaths.parent("TwoLayerNet/Affine1"));
    assertEquals("", ScopePaths.parent("Sigmoid"));
    assertEquals(2, ScopePaths.depth("A/B"));
    assertEquals("A", ScopePaths.common("A/B", "A/C"));
    assertEquals("", ScopePaths.common("AB", "A"));
    assertEquals(true, ScopePaths.within("A/B", "A"));
    assertEquals(false, ScopePaths.within("AB", "A"));
    assertEquals(true, ScopePaths.names("Affine1", "Net/Affine1"));
    assertEquals(false, ScopePaths.names("ffine1", "Net/Affine1"));
  }
}
