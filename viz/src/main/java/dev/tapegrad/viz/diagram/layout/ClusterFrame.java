package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.ScopePaths;

/** The room the titled frame around a cluster's nodes takes, which every phase leaves for it. */
final class ClusterFrame {
  /** Space between the frame and what it holds. */
  static final double PAD = 12;

  /** Height of the title line inside the top of the frame. */
  static final double TITLE_HEIGHT = TextMetrics.LINE_HEIGHT + 4;

  /** Horizontal room around the title inside the frame. */
  static final double TITLE_ROOM = 16;

  private ClusterFrame() {}

  /** Width of the title of {@code cluster}: its last segment. */
  static double titleWidth(String cluster) {
    return TextMetrics.width(ScopePaths.name(cluster));
  }
}
