package dev.tapegrad.viz.diagram;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * The label of an op node, written as the book writes it: {@code ×} for mul, {@code +} for add,
 * {@code −} for sub, {@code /} for div and for the reciprocal {@code x**-1}, {@code **2} for a
 * square; other ops keep their name ({@code exp}, {@code log}, {@code dot}, {@code sum}, ...).
 */
public final class OpSymbols {
  private static final ImmutableMap<String, String> SYMBOLS =
      ImmutableMap.of(
          "add", "+", "sub", "\u2212", "mul", "\u00d7", "div", "/", "neg", "\u00d7\u22121");

  private OpSymbols() {}

  /** The label of op {@code op} with display {@code attributes} (pow reads its exponent). */
  public static String of(String op, Map<String, Object> attributes) {
    if (op.equals("pow") && attributes.get("exponent") instanceof Number exponent) {
      double p = exponent.doubleValue();
      return p == -1 ? "/" : "**" + ValueFormat.number(p);
    }
    return SYMBOLS.getOrDefault(op, op);
  }
}
