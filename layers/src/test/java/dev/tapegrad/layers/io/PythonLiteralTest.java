package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PythonLiteralTest {
  @Test
  void readsANumpyHeader() {
    Object value =
        PythonLiteral.parse(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }          \n");
    assertEquals(Map.of("descr", "<f8", "fortran_order", false, "shape", List.of(3L, 4L)), value);
  }

  @Test
  void distinguishesTuplesFromParentheses() {
    assertEquals(List.of(), PythonLiteral.parse("()"));
    assertEquals(List.of(5L), PythonLiteral.parse("(5,)"));
    assertEquals(5L, PythonLiteral.parse("(5)"));
    assertEquals(List.of(-1L, 2L), PythonLiteral.parse("[-1, +2L]"));
  }

  @Test
  void readsStringsKeywordsAndNesting() {
    assertEquals("it's", PythonLiteral.parse("\"it's\""));
    assertEquals("a'b\\c", PythonLiteral.parse("'a\\'b\\\\c'"));
    assertEquals(
        Arrays.asList(true, null, List.of(List.of("x", "<f8"))),
        PythonLiteral.parse("(True, None, [('x', '<f8')])"));
  }

  @Test
  void nestsUpToTheLimit() {
    Object value = PythonLiteral.parse("[".repeat(64) + "]".repeat(64));
    for (int level = 1; level < 64; level++) {
      value = ((List<?>) value).get(0);
    }
    assertEquals(List.of(), value);
  }

  @Test
  void rejectsDeeperNestingOfAnyBracket() {
    for (String open : new String[] {"[", "(", "{1: "}) {
      String message =
          assertThrows(
                  IllegalArgumentException.class, () -> PythonLiteral.parse(open.repeat(65) + "1"))
              .getMessage();
      assertTrue(
          message.startsWith(
              "containers nested more than 64 levels deep at offset " + 64 * open.length()),
          message);
    }
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{'a': 1", "expected '}' at offset 7"),
        Arguments.of("{'a': 1, 'a': 2}", "duplicate key a"),
        Arguments.of("'abc", "unterminated string"),
        Arguments.of("'\\n'", "unsupported escape in string"),
        Arguments.of("(1, 2) 3", "unexpected text after the literal"),
        Arguments.of("99999999999999999999", "bad integer '99999999999999999999' at offset 0"),
        Arguments.of("open('x')", "unexpected character 'o' at offset 0"),
        Arguments.of("  ", "text ends where a value was expected"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedTextSaysWhatAndWhere(String text, String problem) {
    String message =
        assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse(text)).getMessage();
    assertTrue(message.startsWith(problem), message);
  }
}
