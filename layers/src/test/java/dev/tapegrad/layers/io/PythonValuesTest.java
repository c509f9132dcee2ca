package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonValuesTest {
  @Test
  void rendersValuesAsPythonWritesThem() {
    assertEquals("None", PythonValues.repr(null));
    assertEquals("True", PythonValues.repr(true));
    assertEquals("'it\\'s'", PythonValues.repr("it's"));
    assertEquals("'a\\x0ab'", PythonValues.repr("a\nb"));
    assertEquals("b'\\x00\\xffz'", PythonValues.repr(new byte[] {0, -1, 'z'}));
    assertEquals("(1,)", PythonValues.repr(new Object[] {1}));
    assertEquals("(1, None)", PythonValues.repr(new Object[] {1, null}));
    assertEquals("[1, [2]]", PythonValues.repr(Arrays.asList(1, List.of(2))));
    assertEquals("{'a': 1.5}", PythonValues.repr(Map.of("a", 1.5)));
    assertEquals("<int of 1001 bits>", PythonValues.repr(BigInteger.ONE.shiftLeft(1000)));
  }

  @Test
  void cutsLongValuesToOneShortLine() {
    String repr = PythonValues.repr("x\n".repeat(1_000_000));
    assertEquals(PythonValues.MAX_CHARS, repr.length());
    assertTrue(repr.startsWith("'x\\x0ax") && repr.endsWith("..."), repr);
  }

  @Test
  void containersThatContainThemselvesEndAtTheLimit() {
    List<Object> list = new ArrayList<>();
    list.add(list);
    Map<Object, Object> dict = new LinkedHashMap<>();
    dict.put("self", dict);

    assertEquals("[".repeat(PythonValues.MAX_CHARS - 3) + "...", PythonValues.repr(list));
    assertTrue(PythonValues.repr(dict).startsWith("{'self': {'self': {"));
    assertEquals(PythonValues.MAX_CHARS, PythonValues.repr(dict).length());
  }

  @Test
  void namesTypesAsPythonDoes() {
    assertEquals("list", PythonValues.typeName(new ArrayList<>()));
    assertEquals("tuple", PythonValues.typeName(new Object[0]));
    assertEquals("bytes", PythonValues.typeName(new byte[0]));
    assertEquals("int", PythonValues.typeName(BigInteger.TEN));
    assertEquals("numpy.ndarray", PythonValues.typeName(new PickledArray()));
  }
}
