package dev.tapegrad.viz.diagram.layout;

/** The smallest rectangle around everything included so far; inside out while empty. */
final class Bounds {
  private double left;
  private double top;
  private double right;
  private double bottom;

  /** Empty bounds. */
  Bounds() {
    this(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE);
  }

  /** Bounds of exactly this rectangle. */
  Bounds(double left, double top, double right, double bottom) {
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
  }

  void include(double left, double top, double right, double bottom) {
    this.left = Math.min(this.left, left);
    this.top = Math.min(this.top, top);
    this.right = Math.max(this.right, right);
    this.bottom = Math.max(this.bottom, bottom);
  }

  void include(Bounds other) {
    include(other.left, other.top, other.right, other.bottom);
  }

  void include(PlacedNode node) {
    include(node.left(), node.top(), node.right(), node.bottom());
  }

  void include(TextBox box) {
    include(
        box.x() - box.width() / 2,
        box.y() - box.height() / 2,
        box.x() + box.width() / 2,
        box.y() + box.height() / 2);
  }

  double left() {
    return left;
  }

  double top() {
    return top;
  }

  double right() {
    return right;
  }

  double bottom() {
    return bottom;
  }

  double width() {
    return right - left;
  }

  double height() {
    return bottom - top;
  }
}
