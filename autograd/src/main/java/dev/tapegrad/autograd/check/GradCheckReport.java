package dev.tapegrad.autograd.check;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.autograd.Shape;
import java.util.Arrays;

/**
 * The outcome of a gradient check: one {@link Entry} per checked tensor (an input or a named
 * parameter) with its worst element, and whether every element passed.
 */
public final class GradCheckReport {
  /**
   * The comparison for one tensor. {@code worstIndex} is the element with the largest violation of
   * the tolerance (or the largest absolute error when all passed); {@code maxRelativeError} is the
   * largest elementwise {@code |a − n| / max(|a|, |n|)}, which tiny gradients inflate with rounding
   * noise; {@code relativeError} is the whole tensor's {@code ‖a − n‖ / max(‖a‖, ‖n‖, atol)}, the
   * robust summary to compare with a threshold such as 1e-6; {@code kinks} counts elements skipped
   * because the numeric derivative straddles a kink (ReLU or max at a tie) and the analytic value
   * equals one of the one-sided derivatives.
   */
  public record Entry(
      String name,
      int[] shape,
      int[] worstIndex,
      double analytic,
      double numeric,
      double maxAbsoluteError,
      double maxRelativeError,
      double relativeError,
      int kinks,
      boolean passed) {

    /** One line: name, shape, worst element and its errors. */
    public String describe() {
      return String.format(
          "%s %s: worst element %s analytic %.10g numeric %.10g abs error %.3g rel error %.3g"
              + " (tensor rel error %.3g)%s%s",
          name,
          Shape.format(shape),
          Arrays.toString(worstIndex),
          analytic,
          numeric,
          maxAbsoluteError,
          maxRelativeError,
          relativeError,
          kinks > 0 ? " (" + kinks + " kink elements skipped)" : "",
          passed ? "" : "  FAILED");
    }
  }

  private final ImmutableList<Entry> entries;
  private final double atol;
  private final double rtol;

  GradCheckReport(ImmutableList<Entry> entries, double atol, double rtol) {
    this.entries = entries;
    this.atol = atol;
    this.rtol = rtol;
  }

  public ImmutableList<Entry> entries() {
    return entries;
  }

  /** Whether every element of every tensor satisfied {@code |a − n| ≤ atol + rtol·|n|}. */
  public boolean passed() {
    return entries.stream().allMatch(Entry::passed);
  }

  /** The largest elementwise relative error over all tensors. */
  public double maxRelativeError() {
    return entries.stream().mapToDouble(Entry::maxRelativeError).max().orElse(0);
  }

  /**
   * The largest per-tensor relative error {@code ‖a − n‖ / max(‖a‖, ‖n‖, atol)} over all tensors.
   */
  public double maxTensorRelativeError() {
    return entries.stream().mapToDouble(Entry::relativeError).max().orElse(0);
  }

  /** The largest absolute error over all tensors. */
  public double maxAbsoluteError() {
    return entries.stream().mapToDouble(Entry::maxAbsoluteError).max().orElse(0);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(passed() ? "gradcheck passed" : "gradcheck failed");
    entries.stream()
        .filter(e -> !e.passed())
        .findFirst()
        .ifPresent(
            e ->
                sb.append(
                    String.format(
                        " at %s%s: analytic %.10g numeric %.10g",
                        e.name(), Arrays.toString(e.worstIndex()), e.analytic(), e.numeric())));
    sb.append(String.format(" (atol %.1g, rtol %.1g)", atol, rtol));
    for (Entry e : entries) {
      sb.append("\n  ").append(e.describe());
    }
    return sb.toString();
  }
}
