package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns the ranks stand in, left to right. Each is as wide as its widest node, or as the
 * title of a cluster it holds whole. The gap after it leaves room for the frames of the clusters
 * that end or begin there and for a corridor as wide as the widest label crossing it, wider when
 * the edges through it are steep; {@link LabelPlacement} widens corridors that still lack room.
 */
final class Columns {
  /** Space left between a label and the columns beside its corridor. */
  private static final double LABEL_MARGIN = 14;

  /** The narrowest gap between columns. */
  private static final double MIN_GAP = 36;

  /** Extra corridor width given to steep edges, so their labels can move away from crowding. */
  private static final double MAX_SLOPE_ROOM = 80;

  private final double[] width;
  private final double[] gap;

  /** Room for the frames of the clusters that end after each column. */
  private final double[] frameRoomAfter;

  /** Room for the frames of the clusters that begin before each column. */
  private final double[] frameRoomBefore;

  private final double[] center;

  private Columns(int count) {
    width = new double[count];
    gap = new double[count];
    frameRoomAfter = new double[count];
    frameRoomBefore = new double[count];
    center = new double[count];
  }

  /** Columns for the ranks of {@code graph}, laid out from {@code diagram}, nodes at {@code y}. */
  static Columns of(DiagramGraph diagram, RankedGraph graph, double[] y) {
    Columns columns = new Columns(graph.rankCount());
    for (LayoutNode node : graph.nodes()) {
      columns.width[node.rank()] = Math.max(columns.width[node.rank()], node.width());
    }
    columns.widenForTitles(diagram.clusters(), graph);
    columns.sizeGaps(diagram, graph, y);
    columns.placeCenters(0);
    return columns;
  }

  /** A column holding the whole of a one-column cluster is made wide enough for its title. */
  private void widenForTitles(List<String> clusters, RankedGraph graph) {
    for (String cluster : clusters) {
      int first = Integer.MAX_VALUE;
      int last = -1;
      for (LayoutNode node : graph.nodes()) {
        if (ScopePaths.within(node.scope(), cluster)) {
          first = Math.min(first, node.rank());
          last = Math.max(last, node.rank());
        }
      }
      if (first == last) {
        width[first] = Math.max(width[first], ClusterFrame.minContentWidth(cluster));
      }
    }
  }

  private void sizeGaps(DiagramGraph diagram, RankedGraph graph, double[] y) {
    int count = width.length;
    List<Set<String>> present = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      present.add(new HashSet<>());
    }
    for (LayoutNode node : graph.nodes()) {
      present.get(node.rank()).addAll(ScopePaths.prefixes(node.scope()));
    }
    double[] labelWidth = new double[count];
    double[] rise = new double[count];
    for (int e = 0; e < graph.chains().size(); e++) {
      Chain chain = graph.chains().get(e);
      if (chain.forward()) {
        int r = graph.node(chain.beforeTarget()).rank();
        labelWidth[r] = Math.max(labelWidth[r], EdgeLabels.width(diagram.edges().get(e)));
        rise[r] = Math.max(rise[r], Math.abs(y[chain.target()] - y[chain.beforeTarget()]));
      }
    }
    for (int r = 0; r + 1 < count; r++) {
      frameRoomAfter[r] = frameRoom(present.get(r), present.get(r + 1));
      frameRoomBefore[r + 1] = frameRoom(present.get(r + 1), present.get(r));
      double corridor =
          labelWidth[r] == 0
              ? MIN_GAP
              : labelWidth[r] + 2 * LABEL_MARGIN + Math.min(MAX_SLOPE_ROOM, rise[r] * 0.6);
      gap[r] = frameRoomAfter[r] + frameRoomBefore[r + 1] + Math.max(MIN_GAP, corridor);
    }
  }

  /** Room for the frames of the clusters in {@code here} but not in {@code there}. */
  private static double frameRoom(Set<String> here, Set<String> there) {
    int count = 0;
    for (String cluster : here) {
      if (!there.contains(cluster)) {
        count++;
      }
    }
    return count * (ClusterFrame.PAD + 4);
  }

  /** Places the centres of the columns from {@code from} on after the ones before them. */
  private void placeCenters(int from) {
    for (int r = Math.max(1, from); r < center.length; r++) {
      center[r] = center[r - 1] + width[r - 1] / 2 + gap[r - 1] + width[r] / 2;
    }
  }

  int count() {
    return width.length;
  }

  /** The centre x of {@code node}: its column's, or for an input, against the column's right. */
  double x(LayoutNode node) {
    int r = node.rank();
    if (node.isInput()) {
      return center[r] + width[r] / 2 - node.width() / 2;
    }
    return center[r];
  }

  /** Where labels may start in the corridor after column {@code r}. */
  double corridorLeft(int r) {
    return center[r] + width[r] / 2 + frameRoomAfter[r] + LABEL_MARGIN;
  }

  /** Where labels must end in the corridor after column {@code r}. */
  double corridorRight(int r) {
    return center[r + 1] - width[r + 1] / 2 - frameRoomBefore[r + 1] - LABEL_MARGIN;
  }

  /** Widens the corridor after column {@code r} by a label {@code labelWidth} wide. */
  void widenCorridor(int r, double labelWidth) {
    gap[r] += labelWidth + LABEL_MARGIN;
    placeCenters(r + 1);
  }

  /** Each node of {@code graph} centred at {@code y}, in its column as it is now. */
  List<PlacedNode> place(RankedGraph graph, double[] y) {
    List<PlacedNode> placed = new ArrayList<>();
    for (int v = 0; v < y.length; v++) {
      placed.add(new PlacedNode(graph.node(v), x(graph.node(v)), y[v]));
    }
    return placed;
  }
}
