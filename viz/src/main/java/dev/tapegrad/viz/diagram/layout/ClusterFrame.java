package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.ScopePaths;

/** The titled frame drawn around a cluster, and the room every phase leaves for it. */
final class ClusterFrame {
  /** Space between the frame and what it holds. */
  static final double PAD = 12;

  /** Height of the title line inside the top of the frame. */
  static final double TITLE_HEIGHT = TextMetrics.LINE_HEIGHT + 4;

  /** Horizontal room around the title inside the frame. */
  private static final double TITLE_ROOM = 16;

  private ClusterFrame() {}

  /** The frame of {@code cluster} around {@code content}, wide enough for the cluster's title. */
  static Bounds around(Bounds content, String cluster) {
    double left = content.left() - PAD;
    double right = Math.max(content.right() + PAD, left + titleWidth(cluster) + TITLE_ROOM);
    return new Bounds(left, content.top() - (PAD + TITLE_HEIGHT), right, content.bottom() + PAD);
  }

  /** How wide the content of the frame of {@code cluster} must be for its title to fit. */
  static double minContentWidth(String cluster) {
    return titleWidth(cluster) + TITLE_ROOM - 2 * PAD;
  }

  private static double titleWidth(String cluster) {
    return TextMetrics.width(ScopePaths.name(cluster));
  }
}
