package dev.tapegrad.viz.diagram.layout;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.NodeKind;
import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link DiagramGraph} out left to right in ranks like the book's figures: inputs on the
 * left, the loss on the right, values above the edges and gradients below them.
 *
 * <p>Steps: ranks by longest path with inputs pulled next to their consumers ({@link Ranking});
 * long edges broken into chains of invisible points; barycentric crossing reduction keeping scopes
 * contiguous ({@link Ordering}); vertical positions as close to the neighbours as the minimum gaps
 * allow ({@link Isotonic}); gaps between ranks sized from the widest label, each label then slid
 * along its edge (or the gap widened) until it overlaps no other label. The result depends on
 * nothing but the graph, so the same graph always gives the same layout.
 */
public final class LayeredLayout {
  static final double MARGIN = 16;

  private final DiagramGraph graph;
  private final RankedGraph ranked;
  private int[][] orders;
  private double[] y;
  private Columns columns;
  private List<EdgeLabels> labels;

  private LayeredLayout(DiagramGraph graph) {
    this.graph = graph;
    this.ranked = RankedGraph.of(graph);
  }

  /** Lays {@code graph} out. */
  public static DiagramLayout of(DiagramGraph graph) {
    LayeredLayout layout = new LayeredLayout(graph);
    layout.orders = Ordering.of(layout.ranked);
    layout.y =
        ClusterSeparation.separate(
            graph.clusters(), layout.ranked, layout.orders,
            VerticalPlacement.place(layout.ranked, layout.orders));
    layout.columns = Columns.of(graph, layout.ranked, layout.y);
    layout.labels =
        LabelPlacement.place(graph, layout.ranked, layout.orders, layout.y, layout.columns);
    return layout.result();
  }

  /**
   * Whether an op label fits in the book's circle; longer ones ({@code transpose}) get an ellipse.
   */
  public static boolean fitsCircle(String label) {
    return LayoutNode.fitsCircle(label);
  }

  private double x(int v) {
    return columns.x(ranked.node(v));
  }

  // ------------------------------------------------------------------ result

  private DiagramLayout result() {
    List<double[]> clusterBounds = clusterBounds();
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int v = 0; v < ranked.nodes().size(); v++) {
      minX = Math.min(minX, x(v) - ranked.node(v).width() / 2);
      maxX = Math.max(maxX, x(v) + ranked.node(v).width() / 2);
      minY = Math.min(minY, y[v] - ranked.node(v).height() / 2);
      maxY = Math.max(maxY, y[v] + ranked.node(v).height() / 2);
    }
    for (TextBox box : allLabels()) {
      minX = Math.min(minX, box.x() - box.width() / 2);
      maxX = Math.max(maxX, box.x() + box.width() / 2);
      minY = Math.min(minY, box.y() - box.height() / 2);
      maxY = Math.max(maxY, box.y() + box.height() / 2);
    }
    for (double[] b : clusterBounds) {
      minX = Math.min(minX, b[0]);
      minY = Math.min(minY, b[1]);
      maxX = Math.max(maxX, b[2]);
      maxY = Math.max(maxY, b[3]);
    }
    if (ranked.nodes().isEmpty()) {
      minX = minY = maxX = maxY = 0;
    }
    double dx = MARGIN - minX;
    double dy = MARGIN - minY;
    ImmutableList.Builder<NodeBox> nodes = ImmutableList.builder();
    for (int v = 0; v < graph.nodes().size(); v++) {
      nodes.add(new NodeBox(graph.nodes().get(v), x(v) + dx, y[v] + dy, ranked.node(v).width(), ranked.node(v).height()));
    }
    ImmutableList.Builder<EdgeRoute> routes = ImmutableList.builder();
    for (int e = 0; e < ranked.chains().size(); e++) {
      routes.add(
          new EdgeRoute(
              graph.edges().get(e), route(ranked.chains().get(e).points(), dx, dy),
              labels.get(e).shifted(dx, dy).value(), labels.get(e).shifted(dx, dy).gradient()));
    }
    ImmutableList.Builder<ClusterBox> clusters = ImmutableList.builder();
    for (int c = 0; c < graph.clusters().size(); c++) {
      String path = graph.clusters().get(c);
      double[] b = clusterBounds.get(c);
      clusters.add(
          new ClusterBox(path, ScopePaths.name(path), b[0] + dx, b[1] + dy, b[2] - b[0], b[3] - b[1]));
    }
    return new DiagramLayout(
        maxX - minX + 2 * MARGIN, maxY - minY + 2 * MARGIN, nodes.build(), routes.build(),
        clusters.build());
  }

  private List<TextBox> allLabels() {
    List<TextBox> boxes = new ArrayList<>();
    for (int e = 0; e < ranked.chains().size(); e++) {
      boxes.addAll(labels.get(e).boxes());
    }
    return boxes;
  }

  /** Bounds {left, top, right, bottom} of each cluster, inner clusters included. */
  private List<double[]> clusterBounds() {
    return ClusterNesting.innerFirst(graph.clusters(), (String path, List<double[]> inner) -> {
      double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
      for (int v = 0; v < ranked.nodes().size(); v++) {
        if (ScopePaths.within(ranked.node(v).scope(), path)) {
          include(b, x(v) - ranked.node(v).width() / 2, y[v] - ranked.node(v).height() / 2,
              x(v) + ranked.node(v).width() / 2, y[v] + ranked.node(v).height() / 2);
        }
      }
      for (int e = 0; e < ranked.chains().size(); e++) {
        int[] chain = ranked.chains().get(e).points();
        if (ScopePaths.within(ranked.node(chain[0]).scope(), path)
            && ScopePaths.within(ranked.node(chain[chain.length - 1]).scope(), path)) {
          for (TextBox box : new TextBox[] {labels.get(e).value(), labels.get(e).gradient()}) {
            if (box != null) {
              include(b, box.x() - box.width() / 2, box.y() - box.height() / 2,
                  box.x() + box.width() / 2, box.y() + box.height() / 2);
            }
          }
        }
      }
      for (double[] c : inner) {
        include(b, c[0], c[1], c[2], c[3]);
      }
      b[0] -= ClusterFrame.PAD;
      b[2] += ClusterFrame.PAD;
      b[1] -= ClusterFrame.PAD + ClusterFrame.TITLE_HEIGHT;
      b[3] += ClusterFrame.PAD;
      b[2] = Math.max(b[2], b[0] + ClusterFrame.titleWidth(path) + ClusterFrame.TITLE_ROOM);
      return b;
    });
  }

  private static void include(double[] b, double left, double top, double right, double bottom) {
    b[0] = Math.min(b[0], left);
    b[1] = Math.min(b[1], top);
    b[2] = Math.max(b[2], right);
    b[3] = Math.max(b[3], bottom);
  }

  /** The chain's points, the first and last moved onto the borders of their nodes. */
  private ImmutableList<Point> route(int[] chain, double dx, double dy) {
    ImmutableList.Builder<Point> points = ImmutableList.builder();
    int last = chain.length - 1;
    for (int k = 0; k <= last; k++) {
      int v = chain[k];
      double px = x(v);
      double py = y[v];
      if (k == 0 || k == last) {
        int toward = chain[k == 0 ? 1 : last - 1];
        double[] p = border(v, x(toward) - px, y[toward] - py);
        px = p[0];
        py = p[1];
      }
      points.add(new Point(px + dx, py + dy));
    }
    return points.build();
  }

  /** Where a ray from node {@code v}'s centre in direction (ddx, ddy) leaves its shape. */
  private double[] border(int v, double ddx, double ddy) {
    double cx = x(v);
    double cy = y[v];
    double length = Math.hypot(ddx, ddy);
    if (length == 0) {
      return new double[] {cx, cy};
    }
    NodeKind kind = graph.nodes().get(v).kind();
    if (kind == NodeKind.OP || kind == NodeKind.BRANCH) {
      double a = ranked.node(v).width() / 2;
      double b = ranked.node(v).height() / 2;
      double t = 1 / Math.sqrt(ddx * ddx / (a * a) + ddy * ddy / (b * b));
      return new double[] {cx + ddx * t, cy + ddy * t};
    }
    double hw = ranked.node(v).width() / 2;
    double hh = ranked.node(v).height() / 2;
    double t = Math.min(ddx == 0 ? Double.MAX_VALUE : hw / Math.abs(ddx),
        ddy == 0 ? Double.MAX_VALUE : hh / Math.abs(ddy));
    return new double[] {cx + ddx * t, cy + ddy * t};
  }
}
