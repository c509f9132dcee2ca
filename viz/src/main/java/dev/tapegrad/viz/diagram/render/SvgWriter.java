package dev.tapegrad.viz.diagram.render;

import dev.tapegrad.viz.diagram.layout.ClusterBox;
import dev.tapegrad.viz.diagram.layout.DiagramLayout;
import dev.tapegrad.viz.diagram.layout.EdgeRoute;
import dev.tapegrad.viz.diagram.layout.NodeBox;
import dev.tapegrad.viz.diagram.layout.Point;
import dev.tapegrad.viz.diagram.layout.TextBox;
import dev.tapegrad.viz.diagram.layout.TextMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a {@link DiagramLayout} as a standalone SVG document drawn like the book: op nodes as
 * circles, variables as plain text, layers as rounded boxes, arrows left to right with the forward
 * value above in black and the gradient below in red, scopes as titled rounded rectangles. Elements
 * carry ids and classes ({@code node}, {@code edge}, {@code value}, {@code gradient}, {@code
 * cluster}) for styling and tests.
 */
public final class SvgWriter {
  private SvgWriter() {}

  /** The SVG text of {@code layout}. */
  public static String write(DiagramLayout layout) {
    StringBuilder out = new StringBuilder();
    String w = num(Math.ceil(layout.width()));
    String h = num(Math.ceil(layout.height()));
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" font-family=\"")
        .append(DiagramStyle.FONT)
        .append(", sans-serif\" font-size=\"")
        .append(num(TextMetrics.FONT_SIZE))
        .append("\">\n");
    out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(DiagramStyle.LINE_COLOR)
        .append("\"/></marker></defs>\n");
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    for (ClusterBox c : layout.clusters()) {
      out.append("<g class=\"cluster\" data-scope=\"")
          .append(Markup.escape(c.scope()))
          .append("\"><rect x=\"")
          .append(num(c.left()))
          .append("\" y=\"")
          .append(num(c.top()))
          .append("\" width=\"")
          .append(num(c.width()))
          .append("\" height=\"")
          .append(num(c.height()))
          .append("\" rx=\"10\" fill=\"")
          .append(DiagramStyle.CLUSTER_FILL)
          .append("\" stroke=\"")
          .append(DiagramStyle.CLUSTER_STROKE)
          .append("\"/>");
      out.append("<text x=\"")
          .append(num(c.left() + 8))
          .append("\" y=\"")
          .append(num(c.top() + 3 + TextMetrics.ASCENT))
          .append("\" fill=\"")
          .append(DiagramStyle.CLUSTER_TITLE)
          .append("\">")
          .append(Markup.escape(c.title()))
          .append("</text></g>\n");
    }
    for (EdgeRoute route : layout.edges()) {
      writeEdge(out, route);
    }
    for (NodeBox node : layout.nodes()) {
      writeNode(out, node);
    }
    return out.append("</svg>\n").toString();
  }

  private static void writeEdge(StringBuilder out, EdgeRoute route) {
    out.append("<g class=\"edge\" data-from=\"")
        .append(Markup.escape(route.edge().from()))
        .append("\" data-to=\"")
        .append(Markup.escape(route.edge().to()))
        .append("\">");
    out.append("<polyline points=\"");
    for (int i = 0; i < route.points().size(); i++) {
      Point p = route.points().get(i);
      out.append(i == 0 ? "" : " ").append(num(p.x())).append(',').append(num(p.y()));
    }
    out.append("\" fill=\"none\" stroke=\"")
        .append(DiagramStyle.LINE_COLOR)
        .append("\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>");
    text(out, "value", route.value(), DiagramStyle.VALUE_COLOR);
    text(out, "gradient", route.gradient(), DiagramStyle.GRADIENT_COLOR);
    out.append("</g>\n");
  }

  private static void text(StringBuilder out, String cls, TextBox box, String color) {
    if (box == null) {
      return;
    }
    out.append("<text class=\"")
        .append(cls)
        .append("\" x=\"")
        .append(num(box.x()))
        .append("\" y=\"")
        .append(num(box.baseline()))
        .append("\" text-anchor=\"middle\" fill=\"")
        .append(color)
        .append("\">")
        .append(Markup.escape(box.text()))
        .append("</text>");
  }

  private static void writeNode(StringBuilder out, NodeBox box) {
    String kind = box.node().kind().name().toLowerCase(java.util.Locale.ROOT);
    out.append("<g class=\"node ")
        .append(kind)
        .append("\" id=\"")
        .append(Markup.escape(box.node().id()))
        .append("\">");
    switch (box.node().kind()) {
      case OP ->
          out.append("<ellipse cx=\"")
              .append(num(box.x()))
              .append("\" cy=\"")
              .append(num(box.y()))
              .append("\" rx=\"")
              .append(num(box.width() / 2))
              .append("\" ry=\"")
              .append(num(box.height() / 2))
              .append("\" fill=\"white\" stroke=\"")
              .append(DiagramStyle.LINE_COLOR)
              .append("\" stroke-width=\"1.3\"/>");
      case LAYER ->
          out.append("<rect x=\"")
              .append(num(box.x() - box.width() / 2))
              .append("\" y=\"")
              .append(num(box.y() - box.height() / 2))
              .append("\" width=\"")
              .append(num(box.width()))
              .append("\" height=\"")
              .append(num(box.height()))
              .append("\" rx=\"8\" fill=\"")
              .append(DiagramStyle.LAYER_FILL)
              .append("\" stroke=\"")
              .append(DiagramStyle.LINE_COLOR)
              .append("\" stroke-width=\"1.3\"/>");
      case BRANCH ->
          out.append("<circle cx=\"")
              .append(num(box.x()))
              .append("\" cy=\"")
              .append(num(box.y()))
              .append("\" r=\"")
              .append(num(box.width() / 2))
              .append("\" fill=\"")
              .append(DiagramStyle.LINE_COLOR)
              .append("\"/>");
      case INPUT, OUTPUT -> {}
    }
    if (!box.node().label().isEmpty()) {
      out.append("<text x=\"")
          .append(num(box.x()))
          .append("\" y=\"")
          .append(num(box.y() - TextMetrics.LINE_HEIGHT / 2 + TextMetrics.ASCENT))
          .append("\" text-anchor=\"middle\">")
          .append(Markup.escape(box.node().label()))
          .append("</text>");
    }
    out.append("</g>\n");
  }

  /** A coordinate with at most one decimal, without trailing zeros, the same everywhere. */
  static String num(double v) {
    return BigDecimal.valueOf(v)
        .setScale(1, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
