package dev.tapegrad.viz.chart;

/**
 * A connected chain of points in the plane, such as one piece of a contour line. A closed polyline
 * ends with a copy of its first point.
 */
public final class Polyline {

  private final double[] xs;
  private final double[] ys;

  Polyline(double[] xs, double[] ys) {
    if (xs.length != ys.length || xs.length < 2) {
      throw new IllegalArgumentException(
          "a polyline needs at least 2 points with one x and one y each");
    }
    this.xs = xs;
    this.ys = ys;
  }

  /** Number of points (a closed polyline counts its first point twice). */
  public int size() {
    return xs.length;
  }

  /** x of point {@code i}. */
  public double x(int i) {
    return xs[i];
  }

  /** y of point {@code i}. */
  public double y(int i) {
    return ys[i];
  }

  /** Whether the last point is the first one again. */
  public boolean isClosed() {
    return xs[0] == xs[xs.length - 1] && ys[0] == ys[ys.length - 1];
  }

  /** A copy of all x values. */
  public double[] xs() {
    return xs.clone();
  }

  /** A copy of all y values. */
  public double[] ys() {
    return ys.clone();
  }

  @Override
  public String toString() {
    return "Polyline"
        + (isClosed() ? " (closed)" : "")
        + " of "
        + size()
        + " points from ("
        + xs[0]
        + ", "
        + ys[0]
        + ") to ("
        + xs[xs.length - 1]
        + ", "
        + ys[ys.length - 1]
        + ")";
  }
}
