/**
 * Pictures: diagrams of recorded graphs (DOT, SVG, PNG) and the book's charts. The API is {@code
 * diagram}, {@code diagram.layout} (a diagram placed on a canvas, for drawing it yourself) and
 * {@code chart}; the renderers behind {@code Diagram} are not exported.
 */
module dev.tapegrad.viz {
  requires transitive dev.tapegrad.autograd;
  requires transitive java.desktop;
  requires transitive xchart;
  requires gs.core;
  requires gs.ui.swing;
  requires VectorGraphics2D;
  requires java.logging;

  exports dev.tapegrad.viz.diagram;
  exports dev.tapegrad.viz.diagram.layout;
  exports dev.tapegrad.viz.chart;
}
