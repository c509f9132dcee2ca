package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.List;

/**
 * Pushes apart a cluster and anything outside it that shares its ranks and its height (another
 * cluster, or a node pulled into its ranks): the lower one, with everything below it in its ranks,
 * moves down. Order within ranks is kept, so the minimum distances still hold. A bounded number of
 * rounds: graphs whose scopes interleave badly may keep some overlap rather than grow tall.
 */
final class ClusterSeparation {
  /** How far below what it overlapped a pushed frame or node ends up. */
  private static final double CLEARANCE = VerticalPlacement.NODE_GAP / 2;

  private final List<String> clusters;
  private final RankedGraph graph;
  private final int[][] orders;
  private final double[] y;

  private ClusterSeparation(List<String> clusters, RankedGraph graph, int[][] orders, double[] y) {
    this.clusters = clusters;
    this.graph = graph;
    this.orders = orders;
    this.y = y;
  }

  /**
   * New centres for the nodes of {@code graph}, moved down from {@code y} until no frame of a
   * cluster overlaps another frame or a node outside it.
   */
  static double[] separate(List<String> clusters, RankedGraph graph, int[][] orders, double[] y) {
    ClusterSeparation separation = new ClusterSeparation(clusters, graph, orders, y.clone());
    int rounds = Math.min(200, 4 * (clusters.size() + 1) * (clusters.size() + 1));
    for (int round = 0; round < rounds; round++) {
      if (!separation.pushFirstOverlap()) {
        break;
      }
    }
    return separation.y;
  }

  /**
   * The rows and ranks a cluster's frame spans.
   *
   * @param top top of the frame
   * @param bottom bottom of the frame
   * @param firstRank leftmost rank of its nodes
   * @param lastRank rightmost rank of its nodes
   */
  private record Extent(double top, double bottom, int firstRank, int lastRank) {
    boolean overlaps(double otherTop, double otherBottom, int otherFirst, int otherLast) {
      return otherFirst <= lastRank
          && otherLast >= firstRank
          && otherTop < bottom
          && otherBottom > top;
    }

    double middle() {
      return (top + bottom) / 2;
    }
  }

  /** The extent of each cluster, inner clusters included in outer ones. */
  private List<Extent> extents() {
    return ClusterNesting.innerFirst(
        clusters,
        (String path, List<Extent> inner) -> {
          double top = Double.MAX_VALUE;
          double bottom = -Double.MAX_VALUE;
          int first = Integer.MAX_VALUE;
          int last = -1;
          for (int v = 0; v < y.length; v++) {
            LayoutNode node = graph.node(v);
            if (ScopePaths.within(node.scope(), path)) {
              top = Math.min(top, y[v] - node.height() / 2);
              bottom = Math.max(bottom, y[v] + node.height() / 2);
              first = Math.min(first, node.rank());
              last = Math.max(last, node.rank());
            }
          }
          for (Extent extent : inner) {
            top = Math.min(top, extent.top());
            bottom = Math.max(bottom, extent.bottom());
          }
          return new Extent(
              top - (ClusterFrame.PAD + ClusterFrame.TITLE_HEIGHT),
              bottom + ClusterFrame.PAD,
              first,
              last);
        });
  }

  /** Pushes apart the first overlap found; false if there is none. */
  private boolean pushFirstOverlap() {
    List<Extent> extents = extents();
    for (int a = 0; a < clusters.size(); a++) {
      String pa = clusters.get(a);
      Extent ea = extents.get(a);
      for (int b = a + 1; b < clusters.size(); b++) {
        String pb = clusters.get(b);
        Extent eb = extents.get(b);
        if (!ScopePaths.within(pa, pb)
            && !ScopePaths.within(pb, pa)
            && ea.overlaps(eb.top(), eb.bottom(), eb.firstRank(), eb.lastRank())) {
          boolean bLower = eb.top() + eb.bottom() >= ea.top() + ea.bottom();
          int lower = bLower ? b : a;
          Extent upper = bLower ? ea : eb;
          Extent moved = extents.get(lower);
          push(clusters.get(lower), moved, upper.bottom() - moved.top() + CLEARANCE);
          return true;
        }
      }
      for (int v = 0; v < y.length; v++) {
        LayoutNode node = graph.node(v);
        double top = y[v] - node.height() / 2;
        double bottom = y[v] + node.height() / 2;
        if (!ScopePaths.within(node.scope(), pa)
            && ea.overlaps(top, bottom, node.rank(), node.rank())) {
          if ((top + bottom) / 2 >= ea.middle()) {
            pushNode(v, ea.bottom() - top + CLEARANCE);
          } else {
            push(pa, ea, bottom - ea.top() + CLEARANCE);
          }
          return true;
        }
      }
    }
    return false;
  }

  /** Moves a cluster and everything below its members in its ranks down by {@code delta}. */
  private void push(String cluster, Extent extent, double delta) {
    for (int r = extent.firstRank(); r <= extent.lastRank(); r++) {
      double threshold = Double.MAX_VALUE;
      for (int v : orders[r]) {
        if (ScopePaths.within(graph.node(v).scope(), cluster)) {
          threshold = Math.min(threshold, y[v]);
        }
      }
      if (threshold == Double.MAX_VALUE) {
        threshold = extent.top();
      }
      moveDown(r, threshold, delta);
    }
  }

  /** Moves a node and everything below it in its rank down by {@code delta}. */
  private void pushNode(int v, double delta) {
    moveDown(graph.node(v).rank(), y[v], delta);
  }

  /** Moves the nodes of rank {@code r} at or below {@code threshold} down by {@code delta}. */
  private void moveDown(int r, double threshold, double delta) {
    for (int v : orders[r]) {
      if (y[v] >= threshold) {
        y[v] += delta;
      }
    }
  }
}
