package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.DiagramNode;

/**
 * Where a diagram node is drawn.
 *
 * @param node the node
 * @param x centre
 * @param y centre
 * @param width width of its shape (the diameter for a circle)
 * @param height height of its shape
 */
public record NodeBox(DiagramNode node, double x, double y, double width, double height) {
  /** Whether this node's box overlaps a box centred at (ox, oy) of the given size. */
  public boolean overlaps(double ox, double oy, double ow, double oh) {
    return Math.abs(x - ox) * 2 < width + ow && Math.abs(y - oy) * 2 < height + oh;
  }
}
