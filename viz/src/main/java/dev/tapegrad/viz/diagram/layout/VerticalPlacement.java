package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.Arrays;

/**
 * Places the nodes of each rank top to bottom: first stacked around 0 at the minimum distances,
 * then moved by sweeps alternately rightward and leftward, each rank as close to its neighbours in
 * the rank the sweep comes from as the minimum distances allow ({@link Isotonic}).
 */
final class VerticalPlacement {
  /** Vertical space between the shapes of two neighbours in a rank. */
  static final double NODE_GAP = 18;

  /** Two labelled edges converging on one node keep their labels apart at this distance. */
  private static final double MIN_SEPARATION = 4 * (TextMetrics.LINE_HEIGHT + 2) + 12;

  /** Alternating sweeps, odd so that the last one centres each node on its inputs. */
  private static final int SWEEPS = 7;

  private final RankedGraph graph;
  private final int[][] orders;
  private final double[] y;

  private VerticalPlacement(RankedGraph graph, int[][] orders) {
    this.graph = graph;
    this.orders = orders;
    this.y = new double[graph.nodes().size()];
  }

  /** The centre y of each node of {@code graph}, whose ranks hold {@code orders}. */
  static double[] place(RankedGraph graph, int[][] orders) {
    VerticalPlacement placement = new VerticalPlacement(graph, orders);
    double[][] gaps = new double[orders.length][];
    for (int r = 0; r < orders.length; r++) {
      gaps[r] = placement.stack(orders[r]);
    }
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean rightward = sweep % 2 == 0;
      for (int i = 0; i < orders.length; i++) {
        int r = rightward ? i : orders.length - 1 - i;
        placement.align(orders[r], gaps[r], rightward);
      }
    }
    return placement.y;
  }

  /** Stacks {@code rank} around 0, neighbours at their minimum distance; returns the distances. */
  private double[] stack(int[] rank) {
    double[] gaps = new double[Math.max(0, rank.length - 1)];
    double total = 0;
    for (int k = 0; k < gaps.length; k++) {
      gaps[k] = separation(rank[k], rank[k + 1]);
      total += gaps[k];
    }
    double at = -total / 2;
    for (int k = 0; k < rank.length; k++) {
      if (k > 0) {
        at += gaps[k - 1];
      }
      y[rank[k]] = at;
    }
    return gaps;
  }

  /**
   * Moves the nodes of {@code rank} as close to the mean of their neighbours in the previous rank
   * of the sweep as {@code gaps} allow, chain points most of all so that long edges run straight.
   */
  private void align(int[] rank, double[] gaps, boolean rightward) {
    double[] target = new double[rank.length];
    double[] weight = new double[rank.length];
    for (int k = 0; k < rank.length; k++) {
      int v = rank[k];
      int[] neighbours = rightward ? mainInputs(v) : graph.successors(v);
      double sum = 0;
      for (int w : neighbours) {
        sum += y[w];
      }
      target[k] = neighbours.length == 0 ? y[v] : sum / neighbours.length;
      weight[k] = neighbours.length == 0 ? 0.01 : graph.node(v).isChainPoint() ? 4 : 1;
    }
    double[] placed = Isotonic.place(target, weight, gaps);
    for (int k = 0; k < rank.length; k++) {
      y[rank[k]] = placed[k];
    }
  }

  /**
   * The inputs a node is centred on: those that are themselves computed, when there are any, so
   * that a chain stays straight and the leaves feeding it sit beside it instead of pulling it
   * sideways step after step.
   */
  private int[] mainInputs(int v) {
    int[] inputs = graph.predecessors(v);
    int[] computed = Arrays.stream(inputs).filter(w -> graph.predecessors(w).length > 0).toArray();
    return computed.length == 0 ? inputs : computed;
  }

  /** Minimum distance between the centres of two neighbours in a rank, {@code a} above. */
  private double separation(int a, int b) {
    LayoutNode upper = graph.node(a);
    LayoutNode lower = graph.node(b);
    double sep = Math.max(MIN_SEPARATION, upper.height() / 2 + lower.height() / 2 + NODE_GAP);
    int shared = ScopePaths.depth(ScopePaths.common(upper.scope(), lower.scope()));
    sep += (ScopePaths.depth(upper.scope()) - shared) * ClusterFrame.PAD;
    sep +=
        (ScopePaths.depth(lower.scope()) - shared) * (ClusterFrame.PAD + ClusterFrame.TITLE_HEIGHT);
    return sep;
  }
}
