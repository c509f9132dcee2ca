package dev.tapegrad.viz.diagram.layout;

/**
 * A layout node at its place, before the layout is moved onto the canvas.
 *
 * @param node the node
 * @param x centre
 * @param y centre
 */
record PlacedNode(LayoutNode node, double x, double y) {
  double left() {
    return x - node.width() / 2;
  }

  double right() {
    return x + node.width() / 2;
  }

  double top() {
    return y - node.height() / 2;
  }

  double bottom() {
    return y + node.height() / 2;
  }

  /** Where the ray from this node's centre to {@code other}'s leaves this node's shape. */
  Point borderToward(PlacedNode other) {
    double dx = other.x - x;
    double dy = other.y - y;
    if (Math.hypot(dx, dy) == 0) {
      return new Point(x, y);
    }
    double t;
    if (node.isRound()) {
      double a = node.width() / 2;
      double b = node.height() / 2;
      t = 1 / Math.sqrt(dx * dx / (a * a) + dy * dy / (b * b));
    } else {
      double halfWidth = node.width() / 2;
      double halfHeight = node.height() / 2;
      t =
          Math.min(
              dx == 0 ? Double.MAX_VALUE : halfWidth / Math.abs(dx),
              dy == 0 ? Double.MAX_VALUE : halfHeight / Math.abs(dy));
    }
    return new Point(x + dx * t, y + dy * t);
  }
}
