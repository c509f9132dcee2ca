package dev.tapegrad.viz.diagram.layout;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.viz.diagram.DiagramEdge;
import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.NodeKind;
import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
  static final double MIN_GAP = 36;
  static final double LABEL_MARGIN = 14;
  static final double LABEL_OFFSET = 2;
  /** Extra corridor width given to steep edges, so their labels can move away from crowding. */
  static final double MAX_SLOPE_ROOM = 80;
  private static final int MAX_WIDENINGS = 4;

  private final DiagramGraph graph;
  private final RankedGraph ranked;
  private int[][] orders;
  private double[] y;
  private double[] columnCenter;
  private double[] columnWidth;
  private double[] gap;
  private double[] leftAllowance;
  private double[] rightAllowance;
  private TextBox[] valueBoxes;
  private TextBox[] gradientBoxes;

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
    layout.placeHorizontally();
    return layout.result();
  }

  /**
   * Whether an op label fits in the book's circle; longer ones ({@code transpose}) get an ellipse.
   */
  public static boolean fitsCircle(String label) {
    return LayoutNode.fitsCircle(label);
  }

  // ------------------------------------------------------------------ horizontal placement

  private void placeHorizontally() {
    int ranks = orders.length;
    columnWidth = new double[ranks];
    for (int v = 0; v < ranked.nodes().size(); v++) {
      int r = ranked.node(v).rank();
      columnWidth[r] = Math.max(columnWidth[r], ranked.node(v).width());
    }
    widenColumnsForTitles();
    leftAllowance = new double[ranks];
    rightAllowance = new double[ranks];
    gap = new double[ranks];
    List<Set<String>> present = new ArrayList<>();
    for (int[] rank : orders) {
      Set<String> clusters = new LinkedHashSet<>();
      for (int v : rank) {
        clusters.addAll(ScopePaths.prefixes(ranked.node(v).scope()));
      }
      present.add(clusters);
    }
    double[] labelWidth = new double[ranks];
    double[] rise = new double[ranks];
    for (int e = 0; e < ranked.chains().size(); e++) {
      int[] chain = ranked.chains().get(e).points();
      if (ranked.chains().get(e).forward()) {
        int r = ranked.node(chain[chain.length - 2]).rank();
        labelWidth[r] = Math.max(labelWidth[r], labelWidth(graph.edges().get(e)));
        rise[r] = Math.max(rise[r], Math.abs(y[chain[chain.length - 1]] - y[chain[chain.length - 2]]));
      }
    }
    for (int r = 0; r + 1 < ranks; r++) {
      leftAllowance[r] = boundaries(present.get(r), present.get(r + 1));
      rightAllowance[r + 1] = boundaries(present.get(r + 1), present.get(r));
      double corridor =
          labelWidth[r] == 0
              ? MIN_GAP
              : labelWidth[r] + 2 * LABEL_MARGIN + Math.min(MAX_SLOPE_ROOM, rise[r] * 0.6);
      gap[r] = leftAllowance[r] + rightAllowance[r + 1] + Math.max(MIN_GAP, corridor);
    }
    columnCenter = new double[ranks];
    recomputeColumns(0);
    placeLabels();
  }

  /** A column holding the whole of a one-column cluster is made wide enough for its title. */
  private void widenColumnsForTitles() {
    for (String cluster : graph.clusters()) {
      int first = Integer.MAX_VALUE;
      int last = -1;
      for (int v = 0; v < ranked.nodes().size(); v++) {
        if (ScopePaths.within(ranked.node(v).scope(), cluster)) {
          first = Math.min(first, ranked.node(v).rank());
          last = Math.max(last, ranked.node(v).rank());
        }
      }
      if (first == last) {
        double needed =
            ClusterFrame.titleWidth(cluster) + ClusterFrame.TITLE_ROOM - 2 * ClusterFrame.PAD;
        columnWidth[first] = Math.max(columnWidth[first], needed);
      }
    }
  }

  private static double boundaries(Set<String> here, Set<String> there) {
    int count = 0;
    for (String cluster : here) {
      if (!there.contains(cluster)) {
        count++;
      }
    }
    return count * (ClusterFrame.PAD + 4);
  }

  private static double labelWidth(DiagramEdge edge) {
    return Math.max(TextMetrics.width(edge.value()), TextMetrics.width(edge.gradient()));
  }

  private void recomputeColumns(int from) {
    for (int r = Math.max(1, from); r < orders.length; r++) {
      columnCenter[r] =
          columnCenter[r - 1] + columnWidth[r - 1] / 2 + gap[r - 1] + columnWidth[r] / 2;
    }
  }

  private double x(int v) {
    int r = ranked.node(v).rank();
    if (ranked.node(v).isInput()) {
      return columnCenter[r] + columnWidth[r] / 2 - ranked.node(v).width() / 2;
    }
    return columnCenter[r];
  }

  private void placeLabels() {
    valueBoxes = new TextBox[ranked.chains().size()];
    gradientBoxes = new TextBox[ranked.chains().size()];
    List<List<Integer>> byCorridor = new ArrayList<>();
    for (int r = 0; r < orders.length; r++) {
      byCorridor.add(new ArrayList<>());
    }
    int[] position = new int[ranked.nodes().size()];
    for (int[] rank : orders) {
      for (int k = 0; k < rank.length; k++) {
        position[rank[k]] = k;
      }
    }
    for (int e = 0; e < ranked.chains().size(); e++) {
      DiagramEdge edge = graph.edges().get(e);
      if (edge.value().isEmpty() && edge.gradient().isEmpty()) {
        continue;
      }
      int[] chain = ranked.chains().get(e).points();
      if (ranked.chains().get(e).forward()) {
        byCorridor.get(ranked.node(chain[chain.length - 2]).rank()).add(e);
      }
    }
    for (int r = 0; r + 1 < orders.length; r++) {
      List<Integer> labelled = byCorridor.get(r);
      labelled.sort(
          Comparator.<Integer>comparingInt(e -> position[upper(e)])
              .thenComparingInt(e -> position[lastOf(e)]));
      for (int widening = 0; ; widening++) {
        if (placeCorridor(r, labelled, widening == MAX_WIDENINGS)) {
          break;
        }
        double widest = 0;
        for (int e : labelled) {
          widest = Math.max(widest, labelWidth(graph.edges().get(e)));
        }
        gap[r] += widest + LABEL_MARGIN;
        recomputeColumns(r + 1);
      }
    }
    for (int e = 0; e < ranked.chains().size(); e++) {
      if (!ranked.chains().get(e).forward()) {
        int[] chain = ranked.chains().get(e).points();
        double cx = (x(chain[0]) + x(chain[1])) / 2;
        double cy = (y[chain[0]] + y[chain[1]]) / 2;
        setLabels(e, cx, cy, cy);
      }
    }
  }

  private int upper(int e) {
    int[] chain = ranked.chains().get(e).points();
    return chain[chain.length - 2];
  }

  private int lastOf(int e) {
    int[] chain = ranked.chains().get(e).points();
    return chain[chain.length - 1];
  }

  /** Places the labels of one corridor; false if one found no free spot (unless forced). */
  private boolean placeCorridor(int r, List<Integer> labelled, boolean force) {
    double left = columnCenter[r] + columnWidth[r] / 2 + leftAllowance[r] + LABEL_MARGIN;
    double right =
        columnCenter[r + 1] - columnWidth[r + 1] / 2 - rightAllowance[r + 1] - LABEL_MARGIN;
    List<TextBox> placed = new ArrayList<>();
    for (int e : labelled) {
      double w = labelWidth(graph.edges().get(e));
      double slack = Math.max(0, right - left - w);
      double mid = (left + right) / 2;
      // Converging edges are far apart near their sources, diverging ones near their targets.
      double toward =
          ranked.predecessors(lastOf(e)).length > 1
              ? -1
              : ranked.successors(upper(e)).length > 1 ? 1 : -1;
      double[] candidates = {
        mid, mid + toward * slack / 4, mid + toward * slack / 2, mid - toward * slack / 4,
        mid - toward * slack / 2
      };
      boolean done = false;
      for (double cx : candidates) {
        double x1 = x(upper(e));
        double x2 = x(lastOf(e));
        double y1 = y[upper(e)];
        double y2 = y[lastOf(e)];
        double ya = y1 + (y2 - y1) * (cx - w / 2 - x1) / (x2 - x1);
        double yb = y1 + (y2 - y1) * (cx + w / 2 - x1) / (x2 - x1);
        setLabels(e, cx, Math.min(ya, yb), Math.max(ya, yb));
        if (free(valueBoxes[e], placed) && free(gradientBoxes[e], placed)) {
          done = true;
          break;
        }
      }
      if (!done && !force) {
        return false;
      }
      if (!done) {
        setLabels(e, mid, y[upper(e)], y[upper(e)]);
      }
      addIfPresent(placed, valueBoxes[e]);
      addIfPresent(placed, gradientBoxes[e]);
    }
    return true;
  }

  private static void addIfPresent(List<TextBox> boxes, TextBox box) {
    if (box != null) {
      boxes.add(box);
    }
  }

  private static boolean free(TextBox box, List<TextBox> placed) {
    if (box == null) {
      return true;
    }
    for (TextBox other : placed) {
      if (box.overlaps(other.x(), other.y(), other.width() + 4, other.height())) {
        return false;
      }
    }
    return true;
  }

  /** Value above the line's highest point under the label, gradient below its lowest. */
  private void setLabels(int e, double cx, double lineTop, double lineBottom) {
    DiagramEdge edge = graph.edges().get(e);
    double h = TextMetrics.LINE_HEIGHT;
    valueBoxes[e] =
        edge.value().isEmpty()
            ? null
            : new TextBox(edge.value(), cx, lineTop - LABEL_OFFSET - h / 2,
                TextMetrics.width(edge.value()), h);
    gradientBoxes[e] =
        edge.gradient().isEmpty()
            ? null
            : new TextBox(edge.gradient(), cx, lineBottom + LABEL_OFFSET + h / 2,
                TextMetrics.width(edge.gradient()), h);
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
              shifted(valueBoxes[e], dx, dy), shifted(gradientBoxes[e], dx, dy)));
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
      addIfPresent(boxes, valueBoxes[e]);
      addIfPresent(boxes, gradientBoxes[e]);
    }
    return boxes;
  }

  private static TextBox shifted(TextBox box, double dx, double dy) {
    return box == null
        ? null
        : new TextBox(box.text(), box.x() + dx, box.y() + dy, box.width(), box.height());
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
          for (TextBox box : new TextBox[] {valueBoxes[e], gradientBoxes[e]}) {
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
