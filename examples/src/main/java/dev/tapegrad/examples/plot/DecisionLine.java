package dev.tapegrad.examples.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The line {@code w1·x1 + w2·x2 + b = 0} of a two-input perceptron (equation 2.2), which outputs 0
 * on the side where {@code w1·x1 + w2·x2 + b ≤ 0} and 1 on the other.
 *
 * @param label how the line is named in a legend
 */
public record DecisionLine(String label, double w1, double w2, double b) {

  /** Checks that the line exists: not both weights zero, all finite. */
  public DecisionLine {
    if (!(Double.isFinite(w1) && Double.isFinite(w2) && Double.isFinite(b))) {
      throw new IllegalArgumentException(
          "decision line '" + label + "' needs finite weights and bias");
    }
    if (w1 == 0 && w2 == 0) {
      throw new IllegalArgumentException("decision line '" + label + "' needs a non-zero weight");
    }
  }

  /** {@code w1·x1 + w2·x2 + b}. */
  public double weightedSum(double x1, double x2) {
    return w1 * x1 + w2 * x2 + b;
  }

  /**
   * The part of the square {@code [min, max]²} where the perceptron outputs 0, as the corners of a
   * convex polygon in order (empty if it outputs 1 everywhere in it): the square clipped by the
   * half-plane {@code w·x + b ≤ 0}.
   */
  public List<double[]> zeroSide(double min, double max) {
    List<double[]> polygon = new ArrayList<>();
    double[][] corners = corners(min, max);
    for (int i = 0; i < corners.length; i++) {
      double[] p = corners[i];
      double[] q = corners[(i + 1) % corners.length];
      if (weightedSum(p[0], p[1]) <= 0) {
        polygon.add(p);
      }
      double[] crossing = crossing(p, q);
      if (crossing != null) {
        polygon.add(crossing);
      }
    }
    return polygon;
  }

  /**
   * The segment of the line inside the square {@code [min, max]²} as {@code {x1, x2, x1', x2'}}, or
   * {@code null} if the line misses it.
   */
  public double[] segment(double min, double max) {
    List<double[]> ends = new ArrayList<>();
    double[][] corners = corners(min, max);
    for (int i = 0; i < corners.length; i++) {
      double[] p = corners[i];
      if (weightedSum(p[0], p[1]) == 0) {
        ends.add(p);
      }
      double[] crossing = crossing(p, corners[(i + 1) % corners.length]);
      if (crossing != null) {
        ends.add(crossing);
      }
    }
    if (ends.size() < 2) {
      return null;
    }
    double[] a = ends.get(0);
    double[] z = ends.get(1);
    return new double[] {a[0], a[1], z[0], z[1]};
  }

  private static double[][] corners(double min, double max) {
    if (!(min < max)) {
      throw new IllegalArgumentException("need min < max, got " + min + " and " + max);
    }
    return new double[][] {{min, min}, {max, min}, {max, max}, {min, max}};
  }

  /** Where the line crosses the open edge from p to q, or null. */
  private double[] crossing(double[] p, double[] q) {
    double sp = weightedSum(p[0], p[1]);
    double sq = weightedSum(q[0], q[1]);
    if (!((sp < 0 && sq > 0) || (sp > 0 && sq < 0))) {
      return null;
    }
    double t = sp / (sp - sq);
    return new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])};
  }
}
