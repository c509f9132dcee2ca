package dev.tapegrad.viz.diagram.render;

/** Colours and the font shared by the sinks, so DOT, SVG and PNG look alike. */
final class DiagramStyle {
  static final String FONT = "DejaVu Sans";
  static final String VALUE_COLOR = "#000000";
  static final String GRADIENT_COLOR = "#c00000";
  static final String LINE_COLOR = "#222222";
  static final String CLUSTER_STROKE = "#8a94a6";
  static final String CLUSTER_FILL = "#f3f5f9";
  static final String CLUSTER_TITLE = "#44506a";
  static final String LAYER_FILL = "#e8eef8";

  private DiagramStyle() {}
}
