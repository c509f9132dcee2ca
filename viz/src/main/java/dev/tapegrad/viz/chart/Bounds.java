package dev.tapegrad.viz.chart;

/**
 * A rectangle of the (x, y) plane, such as the region a contour plot samples and shows: {@code xMin
 * < xMax} and {@code yMin < yMax}, all finite.
 */
public record Bounds(double xMin, double xMax, double yMin, double yMax) {

  /** Checks that the rectangle is finite and not empty. */
  public Bounds {
    if (!(Double.isFinite(xMin)
        && Double.isFinite(xMax)
        && Double.isFinite(yMin)
        && Double.isFinite(yMax))) {
      throw new IllegalArgumentException(
          "bounds must be finite, got " + describe(xMin, xMax, yMin, yMax));
    }
    if (xMin >= xMax || yMin >= yMax) {
      throw new IllegalArgumentException(
          "bounds need xMin < xMax and yMin < yMax, got " + describe(xMin, xMax, yMin, yMax));
    }
  }

  /** {@code xMax - xMin}. */
  public double width() {
    return xMax - xMin;
  }

  /** {@code yMax - yMin}. */
  public double height() {
    return yMax - yMin;
  }

  private static String describe(double xMin, double xMax, double yMin, double yMax) {
    return "x in [" + xMin + ", " + xMax + "], y in [" + yMin + ", " + yMax + "]";
  }
}
