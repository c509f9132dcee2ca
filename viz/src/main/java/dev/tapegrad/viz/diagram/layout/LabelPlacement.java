package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.DiagramEdge;
import dev.tapegrad.viz.diagram.DiagramGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places the labels of every edge. An edge that goes forward rank by rank has them in the corridor
 * before its target, slid along its last segment to the first of a few spots where they overlap no
 * label placed before them; when a corridor has no room for one, the corridor is widened and placed
 * again, at most {@link #MAX_WIDENINGS} times before labels may overlap. Any other edge has them at
 * its midpoint.
 */
final class LabelPlacement {
  private static final int MAX_WIDENINGS = 4;

  private final DiagramGraph diagram;
  private final RankedGraph graph;
  private final double[] y;
  private final Columns columns;

  private LabelPlacement(DiagramGraph diagram, RankedGraph graph, double[] y, Columns columns) {
    this.diagram = diagram;
    this.graph = graph;
    this.y = y;
    this.columns = columns;
  }

  /**
   * The labels of each edge of {@code diagram}, in graph order, for the nodes of {@code graph}
   * centred at heights {@code y}, and ordered in their ranks as {@code orders} says. Corridors
   * between the {@code columns} are widened where labels need room.
   */
  static List<EdgeLabels> place(
      DiagramGraph diagram, RankedGraph graph, int[][] orders, double[] y, Columns columns) {
    LabelPlacement placement = new LabelPlacement(diagram, graph, y, columns);
    EdgeLabels[] labels = new EdgeLabels[diagram.edges().size()];
    Arrays.fill(labels, EdgeLabels.NONE);
    List<List<Integer>> byCorridor = placement.labelledByCorridor(orders);
    for (int r = 0; r + 1 < columns.count(); r++) {
      placement.placeCorridor(r, byCorridor.get(r), labels);
    }
    for (int e = 0; e < labels.length; e++) {
      Chain chain = graph.chains().get(e);
      if (!chain.forward()) {
        double x =
            (columns.x(graph.node(chain.source())) + columns.x(graph.node(chain.target()))) / 2;
        double middle = (y[chain.source()] + y[chain.target()]) / 2;
        labels[e] = EdgeLabels.around(diagram.edges().get(e), x, middle, middle);
      }
    }
    return List.of(labels);
  }

  /**
   * For each corridor, the forward edges whose labels go in it, sorted by the positions in their
   * ranks of the two ends of their last segments.
   */
  private List<List<Integer>> labelledByCorridor(int[][] orders) {
    int[] position = new int[graph.nodes().size()];
    List<List<Integer>> byCorridor = new ArrayList<>();
    for (int[] rank : orders) {
      for (int k = 0; k < rank.length; k++) {
        position[rank[k]] = k;
      }
      byCorridor.add(new ArrayList<>());
    }
    for (int e = 0; e < diagram.edges().size(); e++) {
      DiagramEdge edge = diagram.edges().get(e);
      Chain chain = graph.chains().get(e);
      if ((!edge.value().isEmpty() || !edge.gradient().isEmpty()) && chain.forward()) {
        byCorridor.get(graph.node(chain.beforeTarget()).rank()).add(e);
      }
    }
    Comparator<Integer> byEnds =
        Comparator.<Integer>comparingInt(e -> position[graph.chains().get(e).beforeTarget()])
            .thenComparingInt(e -> position[graph.chains().get(e).target()]);
    for (List<Integer> labelled : byCorridor) {
      labelled.sort(byEnds);
    }
    return byCorridor;
  }

  /**
   * Places the labels of the {@code labelled} edges in corridor {@code r}, widening it as needed.
   */
  private void placeCorridor(int r, List<Integer> labelled, EdgeLabels[] labels) {
    for (int widening = 0; ; widening++) {
      List<EdgeLabels> placed = tryCorridor(r, labelled, widening == MAX_WIDENINGS);
      if (placed != null) {
        for (int i = 0; i < labelled.size(); i++) {
          labels[labelled.get(i)] = placed.get(i);
        }
        return;
      }
      double widest = 0;
      for (int e : labelled) {
        widest = Math.max(widest, EdgeLabels.width(diagram.edges().get(e)));
      }
      columns.widenCorridor(r, widest);
    }
  }

  /**
   * The labels of the {@code labelled} edges in corridor {@code r}, or {@code null} if one found no
   * free spot; when {@code force}d, such a one goes to the middle of the corridor instead.
   */
  private List<EdgeLabels> tryCorridor(int r, List<Integer> labelled, boolean force) {
    double left = columns.corridorLeft(r);
    double right = columns.corridorRight(r);
    List<TextBox> taken = new ArrayList<>();
    List<EdgeLabels> result = new ArrayList<>();
    for (int e : labelled) {
      EdgeLabels labels = slide(e, left, right, taken);
      if (labels == null) {
        if (!force) {
          return null;
        }
        int from = graph.chains().get(e).beforeTarget();
        labels = EdgeLabels.around(diagram.edges().get(e), (left + right) / 2, y[from], y[from]);
      }
      taken.addAll(labels.boxes());
      result.add(labels);
    }
    return result;
  }

  /**
   * The labels of edge {@code e} on its last segment, at the first of five spots across the
   * corridor from {@code left} to {@code right} where they overlap no box of {@code taken}; null if
   * none is free.
   */
  private EdgeLabels slide(int e, double left, double right, List<TextBox> taken) {
    DiagramEdge edge = diagram.edges().get(e);
    Chain chain = graph.chains().get(e);
    double w = EdgeLabels.width(edge);
    double slack = Math.max(0, right - left - w);
    double mid = (left + right) / 2;
    // Converging edges are far apart near their sources, diverging ones near their targets.
    boolean converging = graph.predecessors(chain.target()).length > 1;
    boolean diverging = graph.successors(chain.beforeTarget()).length > 1;
    double toward = diverging && !converging ? 1 : -1;
    double[] spots = {
      mid,
      mid + toward * slack / 4,
      mid + toward * slack / 2,
      mid - toward * slack / 4,
      mid - toward * slack / 2
    };
    double x1 = columns.x(graph.node(chain.beforeTarget()));
    double x2 = columns.x(graph.node(chain.target()));
    double y1 = y[chain.beforeTarget()];
    double y2 = y[chain.target()];
    for (double cx : spots) {
      double ya = y1 + (y2 - y1) * (cx - w / 2 - x1) / (x2 - x1);
      double yb = y1 + (y2 - y1) * (cx + w / 2 - x1) / (x2 - x1);
      EdgeLabels labels = EdgeLabels.around(edge, cx, Math.min(ya, yb), Math.max(ya, yb));
      if (labels.clearOf(taken)) {
        return labels;
      }
    }
    return null;
  }
}
