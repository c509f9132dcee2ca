package dev.tapegrad.viz.diagram.layout;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.List;

/**
 * Puts the placed diagram on its canvas: frames each cluster around its nodes, the labels of the
 * edges inside it and its inner clusters; draws each edge from border to border through its chain
 * points; and moves everything so that it keeps a margin from the canvas's edges.
 */
final class LayoutAssembly {
  private static final double MARGIN = 16;

  private LayoutAssembly() {}

  /**
   * The layout of {@code diagram} whose nodes are the first of {@code placed}, its edges running
   * through {@code chains} of them with {@code labels}.
   */
  static DiagramLayout of(
      DiagramGraph diagram, List<Chain> chains, List<PlacedNode> placed, List<EdgeLabels> labels) {
    List<Bounds> frames = frames(diagram.clusters(), chains, placed, labels);
    Bounds canvas = new Bounds();
    for (PlacedNode node : placed) {
      canvas.include(node);
    }
    for (EdgeLabels edgeLabels : labels) {
      for (TextBox box : edgeLabels.boxes()) {
        canvas.include(box);
      }
    }
    for (Bounds frame : frames) {
      canvas.include(frame);
    }
    if (placed.isEmpty()) {
      canvas = new Bounds(0, 0, 0, 0);
    }
    double dx = MARGIN - canvas.left();
    double dy = MARGIN - canvas.top();
    ImmutableList.Builder<NodeBox> nodes = ImmutableList.builder();
    for (int v = 0; v < diagram.nodes().size(); v++) {
      PlacedNode node = placed.get(v);
      nodes.add(
          new NodeBox(
              diagram.nodes().get(v),
              node.x() + dx,
              node.y() + dy,
              node.node().width(),
              node.node().height()));
    }
    ImmutableList.Builder<EdgeRoute> routes = ImmutableList.builder();
    for (int e = 0; e < chains.size(); e++) {
      EdgeLabels shifted = labels.get(e).shifted(dx, dy);
      routes.add(
          new EdgeRoute(
              diagram.edges().get(e),
              route(chains.get(e), placed, dx, dy),
              shifted.value(),
              shifted.gradient()));
    }
    ImmutableList.Builder<ClusterBox> clusters = ImmutableList.builder();
    for (int c = 0; c < frames.size(); c++) {
      String path = diagram.clusters().get(c);
      Bounds frame = frames.get(c);
      clusters.add(
          new ClusterBox(
              path,
              ScopePaths.name(path),
              frame.left() + dx,
              frame.top() + dy,
              frame.width(),
              frame.height()));
    }
    return new DiagramLayout(
        canvas.width() + 2 * MARGIN,
        canvas.height() + 2 * MARGIN,
        nodes.build(),
        routes.build(),
        clusters.build());
  }

  /** The frame of each cluster, around those of the clusters inside it. */
  private static List<Bounds> frames(
      List<String> clusters, List<Chain> chains, List<PlacedNode> placed, List<EdgeLabels> labels) {
    return ClusterNesting.innerFirst(
        clusters,
        (String path, List<Bounds> inner) -> {
          Bounds content = new Bounds();
          for (PlacedNode node : placed) {
            if (ScopePaths.within(node.node().scope(), path)) {
              content.include(node);
            }
          }
          for (int e = 0; e < chains.size(); e++) {
            Chain chain = chains.get(e);
            if (ScopePaths.within(placed.get(chain.source()).node().scope(), path)
                && ScopePaths.within(placed.get(chain.target()).node().scope(), path)) {
              for (TextBox box : labels.get(e).boxes()) {
                content.include(box);
              }
            }
          }
          for (Bounds frame : inner) {
            content.include(frame);
          }
          return ClusterFrame.around(content, path);
        });
  }

  /** The points of {@code chain}, the first and last moved onto the borders of their nodes. */
  private static ImmutableList<Point> route(
      Chain chain, List<PlacedNode> placed, double dx, double dy) {
    int[] points = chain.points();
    int last = points.length - 1;
    ImmutableList.Builder<Point> route = ImmutableList.builder();
    for (int k = 0; k <= last; k++) {
      PlacedNode node = placed.get(points[k]);
      Point p =
          k == 0 || k == last
              ? node.borderToward(placed.get(points[k == 0 ? 1 : last - 1]))
              : new Point(node.x(), node.y());
      route.add(new Point(p.x() + dx, p.y() + dy));
    }
    return route.build();
  }
}
