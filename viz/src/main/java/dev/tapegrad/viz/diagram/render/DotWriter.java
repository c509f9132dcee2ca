package dev.tapegrad.viz.diagram.render;

import dev.tapegrad.viz.diagram.DiagramEdge;
import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.DiagramNode;
import dev.tapegrad.viz.diagram.ScopePaths;
import dev.tapegrad.viz.diagram.layout.LayeredLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link DiagramGraph} as Graphviz DOT ({@code dot -Tpng}): left to right, scopes as
 * nested {@code cluster_} subgraphs, op nodes as circles, each edge labelled with its forward value
 * above its gradient (red) in a two-row HTML-like label. Graphviz does the layout.
 */
public final class DotWriter {
  private DotWriter() {}

  /** The DOT text of {@code graph}. */
  public static String write(DiagramGraph graph) {
    StringBuilder out = new StringBuilder();
    out.append("digraph diagram {\n");
    out.append("  rankdir=LR;\n");
    out.append("  bgcolor=\"white\";\n");
    out.append("  nodesep=0.35;\n");
    out.append("  ranksep=0.45;\n");
    out.append("  node [fontname=\"").append(DiagramStyle.FONT).append("\", fontsize=14];\n");
    out.append("  edge [fontname=\"")
        .append(DiagramStyle.FONT)
        .append("\", fontsize=13, arrowsize=0.7, color=\"")
        .append(DiagramStyle.LINE_COLOR)
        .append("\"];\n");
    Map<String, List<DiagramNode>> byScope = new LinkedHashMap<>();
    for (DiagramNode node : graph.nodes()) {
      byScope.computeIfAbsent(node.scope(), s -> new ArrayList<>()).add(node);
    }
    writeScope(out, "", graph, byScope, "  ");
    for (DiagramEdge edge : graph.edges()) {
      out.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to()));
      String label = edgeLabel(edge);
      if (!label.isEmpty()) {
        out.append(" [label=").append(label).append(']');
      }
      out.append(";\n");
    }
    return out.append("}\n").toString();
  }

  private static void writeScope(
      StringBuilder out,
      String scope,
      DiagramGraph graph,
      Map<String, List<DiagramNode>> byScope,
      String indent) {
    for (DiagramNode node : byScope.getOrDefault(scope, List.of())) {
      out.append(indent)
          .append(quote(node.id()))
          .append(" [")
          .append(nodeAttributes(node))
          .append("];\n");
    }
    for (String cluster : graph.clusters()) {
      if (!ScopePaths.parent(cluster).equals(scope)) {
        continue;
      }
      out.append(indent).append("subgraph ").append(quote("cluster_" + cluster)).append(" {\n");
      String inner = indent + "  ";
      out.append(inner).append("label=").append(quote(ScopePaths.name(cluster))).append(";\n");
      out.append(inner).append("labeljust=l;\n");
      out.append(inner).append("style=\"rounded,filled\";\n");
      out.append(inner).append("color=\"").append(DiagramStyle.CLUSTER_STROKE).append("\";\n");
      out.append(inner).append("fillcolor=\"").append(DiagramStyle.CLUSTER_FILL).append("\";\n");
      out.append(inner).append("fontcolor=\"").append(DiagramStyle.CLUSTER_TITLE).append("\";\n");
      writeScope(out, cluster, graph, byScope, inner);
      out.append(indent).append("}\n");
    }
  }

  private static String nodeAttributes(DiagramNode node) {
    String label = "label=" + quote(node.label());
    return switch (node.kind()) {
      case OP ->
          label
              + ", shape="
              + (LayeredLayout.fitsCircle(node.label()) ? "circle" : "ellipse")
              + ", style=filled, fillcolor=\"white\", margin=0.02";
      case LAYER ->
          label
              + ", shape=box, style=\"rounded,filled\", fillcolor=\""
              + DiagramStyle.LAYER_FILL
              + "\"";
      case BRANCH -> "label=\"\", shape=point, width=0.07";
      case INPUT, OUTPUT -> label + ", shape=plaintext";
    };
  }

  /** A quoted label, or an HTML-like label with the gradient in a red second row. */
  private static String edgeLabel(DiagramEdge edge) {
    if (edge.gradient().isEmpty()) {
      return edge.value().isEmpty() ? "" : quote(edge.value());
    }
    return "<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\">"
        + "<tr><td>"
        + html(edge.value())
        + "</td></tr>"
        + "<tr><td><font color=\""
        + DiagramStyle.GRADIENT_COLOR
        + "\">"
        + html(edge.gradient())
        + "</font></td></tr></table>>";
  }

  /** A DOT double-quoted string. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> {}
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** Text escaped for an HTML-like label; an empty cell gets a space so the row keeps its place. */
  static String html(String text) {
    if (text.isEmpty()) {
      return " ";
    }
    return Markup.escape(text);
  }
}
