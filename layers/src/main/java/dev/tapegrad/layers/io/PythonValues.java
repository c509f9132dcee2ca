package dev.tapegrad.layers.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Names and short Python-style renderings of unpickled values, for error messages. A rendering is
 * one line of at most {@value #MAX_CHARS} characters however large the value, and is safe on lists
 * and dicts that contain themselves (their own {@code toString} would recurse without end).
 */
final class PythonValues {
  /** The longest rendering; longer ones end in {@code ...}. */
  static final int MAX_CHARS = 80;

  /** Integers wider than this are named by their width, not written out. */
  private static final int MAX_INTEGER_BITS = 128;

  private PythonValues() {}

  /** The Python type name of {@code value}: {@code dict}, {@code int}, {@code numpy.ndarray}... */
  static String typeName(Object value) {
    if (value == null) {
      return "None";
    } else if (value instanceof ClassDict) {
      return truncated(((ClassDict) value).getClassName());
    } else if (value instanceof Map) {
      return "dict";
    } else if (value instanceof List) {
      return "list";
    } else if (value instanceof Set) {
      return "set";
    } else if (value instanceof Object[]) {
      return "tuple";
    } else if (value instanceof byte[]) {
      return "bytes";
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return "int";
    } else if (value instanceof Double) {
      return "float";
    } else if (value instanceof String) {
      return "str";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof PickledArray) {
      return "numpy.ndarray";
    } else if (value instanceof PickledDtype) {
      return "numpy.dtype";
    }
    return value.getClass().getSimpleName();
  }

  /** {@code value} roughly as Python's {@code repr} writes it, cut to {@value #MAX_CHARS} chars. */
  static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return truncated(out);
  }

  private static String truncated(CharSequence text) {
    return text.length() <= MAX_CHARS
        ? text.toString()
        : text.subSequence(0, MAX_CHARS - 3) + "...";
  }

  /**
   * Appends {@code value} until the text is longer than {@link #MAX_CHARS}; every nested container
   * adds a bracket before it recurses, so the recursion is at most that deep.
   */
  private static void append(StringBuilder out, Object value) {
    if (out.length() > MAX_CHARS) {
      return;
    }
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean) {
      out.append((Boolean) value ? "True" : "False");
    } else if (value instanceof BigInteger && ((BigInteger) value).bitLength() > MAX_INTEGER_BITS) {
      out.append("<int of ").append(((BigInteger) value).bitLength()).append(" bits>");
    } else if (value instanceof Number) {
      out.append(value);
    } else if (value instanceof String) {
      appendQuoted(out, "", (String) value, (char) 0xA0);
    } else if (value instanceof byte[]) {
      byte[] bytes = (byte[]) value;
      String latin1 =
          new String(bytes, 0, Math.min(bytes.length, MAX_CHARS), StandardCharsets.ISO_8859_1);
      appendQuoted(out, "b", latin1, (char) 0x100);
    } else if (value instanceof Object[]) {
      Object[] items = (Object[]) value;
      appendItems(out, "(", Arrays.asList(items).iterator(), items.length == 1 ? ",)" : ")");
    } else if (value instanceof List) {
      appendItems(out, "[", ((List<?>) value).iterator(), "]");
    } else if (value instanceof Map && !(value instanceof ClassDict)) {
      appendEntries(out, (Map<?, ?>) value);
    } else {
      out.append('<').append(typeName(value)).append('>');
    }
  }

  private static void appendItems(StringBuilder out, String open, Iterator<?> items, String close) {
    out.append(open);
    for (boolean first = true; items.hasNext() && out.length() <= MAX_CHARS; first = false) {
      out.append(first ? "" : ", ");
      append(out, items.next());
    }
    out.append(close);
  }

  private static void appendEntries(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    for (boolean first = true; entries.hasNext() && out.length() <= MAX_CHARS; first = false) {
      Map.Entry<?, ?> entry = entries.next();
      out.append(first ? "" : ", ");
      append(out, entry.getKey());
      out.append(": ");
      append(out, entry.getValue());
    }
    out.append('}');
  }

  /**
   * {@code prefix'text'}, escaping quotes, backslashes, control characters and the characters from
   * 0x7F up to {@code printableFrom}.
   */
  private static void appendQuoted(
      StringBuilder out, String prefix, String text, char printableFrom) {
    out.append(prefix).append('\'');
    for (int i = 0; i < text.length() && out.length() <= MAX_CHARS; i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7F && c < printableFrom)) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
  }
}
