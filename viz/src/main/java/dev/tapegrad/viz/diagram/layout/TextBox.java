package dev.tapegrad.viz.diagram.layout;

/**
 * A placed line of text.
 *
 * @param text the text
 * @param x centre of the box
 * @param y centre of the box
 * @param width box width (the text width)
 * @param height box height (one line)
 */
public record TextBox(String text, double x, double y, double width, double height) {
  /** Whether this box and {@code other} share any area. */
  public boolean overlaps(double ox, double oy, double ow, double oh) {
    return Math.abs(x - ox) * 2 < width + ow && Math.abs(y - oy) * 2 < height + oh;
  }

  /** The baseline of the text, for sinks that draw from the baseline. */
  public double baseline() {
    return y - height / 2 + TextMetrics.ASCENT;
  }
}
