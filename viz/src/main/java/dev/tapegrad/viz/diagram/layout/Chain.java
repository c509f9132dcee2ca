package dev.tapegrad.viz.diagram.layout;

/**
 * The layout nodes that one diagram edge passes through, its source first and its target last: only
 * those two, or between them a chain point in every rank the edge crosses.
 *
 * @param points indices of layout nodes, two or more
 * @param forward whether each step goes one rank to the right, so that the edge's labels sit in the
 *     corridor before its target; false for an edge drawn back or within a rank, whose labels sit
 *     at its midpoint
 */
record Chain(int[] points, boolean forward) {
  int source() {
    return points[0];
  }

  int target() {
    return points[points.length - 1];
  }

  /** The point before the target, where the edge's last segment starts. */
  int beforeTarget() {
    return points[points.length - 2];
  }
}
