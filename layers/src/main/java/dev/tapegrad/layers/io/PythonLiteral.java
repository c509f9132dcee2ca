package dev.tapegrad.layers.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A reader for the small subset of Python literal syntax that {@code .npy} headers use: dicts,
 * tuples, lists, quoted strings, integers (with Python 2's optional {@code L}), {@code True},
 * {@code False} and {@code None}. Nothing is evaluated.
 *
 * <p>Dicts become {@link LinkedHashMap}s, tuples and lists {@link List}s, integers {@link Long}s,
 * {@code None} null. Malformed text, or containers nested more than {@value #MAX_DEPTH} deep,
 * raises an {@link IllegalArgumentException} saying where.
 */
final class PythonLiteral {
  /** The deepest containers may nest; a {@code .npy} header needs 2 or 3 levels. */
  static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;
  private int depth;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /** The value of {@code text}: one literal, optionally surrounded by whitespace. */
  static Object parse(String text) {
    PythonLiteral reader = new PythonLiteral(text);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.pos < text.length()) {
      throw reader.error("unexpected text after the literal");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("text ends where a value was expected");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return nested(this::dict);
      case '(':
        return nested(this::tupleOrParenthesized);
      case '[':
        return nested(() -> sequence(']').items);
      case '\'':
      case '"':
        return string(c);
      default:
        if (c == '-' || c == '+' || Character.isDigit(c)) {
          return integer();
        }
        return keyword();
    }
  }

  /** The container that {@code reader} reads after its opening bracket, one level deeper. */
  private Object nested(Supplier<Object> reader) {
    if (depth == MAX_DEPTH) {
      throw error("containers nested more than " + MAX_DEPTH + " levels deep");
    }
    pos++;
    depth++;
    Object value = reader.get();
    depth--;
    return value;
  }

  private Map<Object, Object> dict() {
    Map<Object, Object> map = new LinkedHashMap<>();
    while (!consume('}')) {
      Object key = value();
      skipSpace();
      expect(':');
      if (map.containsKey(key)) {
        throw error("duplicate key " + key);
      }
      map.put(key, value());
      if (!consume(',')) {
        expect('}');
        break;
      }
    }
    return map;
  }

  private Object tupleOrParenthesized() {
    Sequence sequence = sequence(')');
    boolean parenthesized = sequence.items.size() == 1 && !sequence.trailingComma;
    return parenthesized ? sequence.items.get(0) : sequence.items;
  }

  /** Comma-separated values up to {@code close}; the opening bracket is already consumed. */
  private Sequence sequence(char close) {
    Sequence sequence = new Sequence();
    while (!consume(close)) {
      sequence.items.add(value());
      sequence.trailingComma = consume(',');
      if (!sequence.trailingComma) {
        expect(close);
        break;
      }
    }
    return sequence;
  }

  private String string(char quote) {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos >= text.length() || "\\'\"".indexOf(text.charAt(pos)) < 0) {
          throw error("unsupported escape in string");
        }
        c = text.charAt(pos++);
      }
      sb.append(c);
    }
  }

  private Long integer() {
    int start = pos;
    if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
      pos++;
    }
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    String digits = text.substring(start, pos);
    if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
      pos++;
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("bad integer '" + digits + "'");
    }
  }

  private Object keyword() {
    for (String word : new String[] {"True", "False", "None"}) {
      if (text.startsWith(word, pos)) {
        pos += word.length();
        return word.equals("None") ? null : Boolean.valueOf(word.equals("True"));
      }
    }
    throw error("unexpected character '" + text.charAt(pos) + "'");
  }

  private boolean consume(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(problem + " at offset " + pos + " of " + quoted(text));
  }

  private static String quoted(String text) {
    String trimmed = text.strip();
    return '"' + (trimmed.length() > 120 ? trimmed.substring(0, 120) + "..." : trimmed) + '"';
  }

  /** Items between brackets, and whether a comma followed the last one. */
  private static final class Sequence {
    final List<Object> items = new ArrayList<>();
    boolean trailingComma;
  }
}
