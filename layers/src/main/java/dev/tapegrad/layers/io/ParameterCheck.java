package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The result of comparing loaded parameters with the ones a network expects: names that are
 * missing, names nobody expects, and shapes that differ. {@link #require} turns any difference into
 * one exception that lists them all, e.g. {@code checkpoint x.npz: missing Affine2.b; unexpected
 * foo; Affine1.W has shape (784,50), expected (784,100)}.
 *
 * @param missing expected names not loaded, in expected order
 * @param unexpected loaded names not expected, in loaded order
 * @param shapeMismatches one sentence per parameter whose shape differs, in expected order
 */
public record ParameterCheck(
    List<String> missing, List<String> unexpected, List<String> shapeMismatches) {

  /** Copies the lists. */
  public ParameterCheck {
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    shapeMismatches = List.copyOf(shapeMismatches);
  }

  /** Compares {@code loaded} tensors with {@code expected} shapes by name. */
  public static ParameterCheck compare(Map<String, Tensor> loaded, Map<String, int[]> expected) {
    List<String> missing = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, int[]> want : expected.entrySet()) {
      Tensor found = loaded.get(want.getKey());
      if (found == null) {
        missing.add(want.getKey());
      } else if (!Arrays.equals(found.shape(), want.getValue())) {
        mismatches.add(
            want.getKey()
                + " has shape "
                + Shape.format(found.shape())
                + ", expected "
                + Shape.format(want.getValue()));
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (String name : loaded.keySet()) {
      if (!expected.containsKey(name)) {
        unexpected.add(name);
      }
    }
    return new ParameterCheck(missing, unexpected, mismatches);
  }

  /**
   * Throws a {@link CheckpointFormatException} for {@code source} (e.g. {@code "checkpoint x.npz"})
   * listing every difference between {@code loaded} and {@code expected}; returns quietly when they
   * match.
   */
  public static void require(String source, Map<String, Tensor> loaded, Map<String, int[]> expected)
      throws CheckpointFormatException {
    ParameterCheck check = compare(loaded, expected);
    if (!check.matches()) {
      throw new CheckpointFormatException(source, check.describe());
    }
  }

  /** Whether names and shapes agree exactly. */
  public boolean matches() {
    return missing.isEmpty() && unexpected.isEmpty() && shapeMismatches.isEmpty();
  }

  /** All differences in one line, separated by {@code ;}, or {@code "parameters match"}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("missing " + String.join(", ", missing));
    }
    if (!unexpected.isEmpty()) {
      parts.add("unexpected " + String.join(", ", unexpected));
    }
    parts.addAll(shapeMismatches);
    return parts.isEmpty() ? "parameters match" : String.join("; ", parts);
  }
}
