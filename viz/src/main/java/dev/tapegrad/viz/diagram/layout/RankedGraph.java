package dev.tapegrad.viz.diagram.layout;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.viz.diagram.DiagramEdge;
import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagram in ranks: each of its nodes in the column {@link Ranking} gives it, and each of its
 * edges as a {@link Chain}, a long one broken by a chain point in every rank it crosses, so that
 * the segments of the chains join adjacent ranks only. Layout nodes are numbered: the diagram's
 * nodes in graph order, then the chain points.
 */
final class RankedGraph {
  private final ImmutableList<LayoutNode> nodes;
  private final ImmutableList<Chain> chains;
  private final int[][] predecessors;
  private final int[][] successors;
  private final int rankCount;

  private RankedGraph(List<LayoutNode> nodes, List<Chain> chains, List<int[]> segments) {
    this.nodes = ImmutableList.copyOf(nodes);
    this.chains = ImmutableList.copyOf(chains);
    this.predecessors = neighbours(nodes.size(), segments, 0, 1);
    this.successors = neighbours(nodes.size(), segments, 1, 0);
    int ranks = 0;
    for (LayoutNode node : nodes) {
      ranks = Math.max(ranks, node.rank() + 1);
    }
    this.rankCount = ranks;
  }

  /** Ranks {@code graph} and breaks its long edges into chains. */
  static RankedGraph of(DiagramGraph graph) {
    int[][] edges = endpoints(graph);
    Ranking ranking = ClusterBarriers.rank(graph, edges);
    List<LayoutNode> nodes = new ArrayList<>();
    for (int v = 0; v < graph.nodes().size(); v++) {
      nodes.add(LayoutNode.of(graph.nodes().get(v), ranking.rank[v]));
    }
    List<Chain> chains = new ArrayList<>();
    List<int[]> segments = new ArrayList<>();
    for (int e = 0; e < edges.length; e++) {
      int from = edges[e][0];
      int to = edges[e][1];
      int span = nodes.get(to).rank() - nodes.get(from).rank();
      if (ranking.ignored[e] || span <= 0) {
        // Closes a cycle, or goes back or within a rank: drawn straight, without segments.
        chains.add(new Chain(new int[] {from, to}, span == 1));
        continue;
      }
      int[] points = new int[span + 1];
      points[0] = from;
      points[span] = to;
      String common = ScopePaths.common(nodes.get(from).scope(), nodes.get(to).scope());
      for (int k = 1; k < span; k++) {
        points[k] = nodes.size();
        nodes.add(LayoutNode.chainPoint(common, nodes.get(from).rank() + k));
      }
      for (int k = 0; k < span; k++) {
        segments.add(new int[] {points[k], points[k + 1]});
      }
      chains.add(new Chain(points, true));
    }
    return new RankedGraph(nodes, chains, segments);
  }

  /** Each edge of {@code graph} as {@code {from, to}} node indices. */
  private static int[][] endpoints(DiagramGraph graph) {
    Map<String, Integer> index = new HashMap<>();
    for (int v = 0; v < graph.nodes().size(); v++) {
      index.put(graph.nodes().get(v).id(), v);
    }
    int[][] edges = new int[graph.edges().size()][];
    for (int e = 0; e < edges.length; e++) {
      DiagramEdge edge = graph.edges().get(e);
      edges[e] = new int[] {index.get(edge.from()), index.get(edge.to())};
    }
    return edges;
  }

  /**
   * For each node, the nodes at the {@code from} end of the segments whose {@code to} end it is.
   */
  private static int[][] neighbours(int n, List<int[]> segments, int from, int to) {
    int[] count = new int[n];
    for (int[] s : segments) {
      count[s[to]]++;
    }
    int[][] result = new int[n][];
    for (int v = 0; v < n; v++) {
      result[v] = new int[count[v]];
    }
    int[] fill = new int[n];
    for (int[] s : segments) {
      result[s[to]][fill[s[to]]++] = s[from];
    }
    return result;
  }

  /** Diagram nodes first, in graph order, then chain points. */
  ImmutableList<LayoutNode> nodes() {
    return nodes;
  }

  LayoutNode node(int v) {
    return nodes.get(v);
  }

  /** One chain per diagram edge, in graph order. */
  ImmutableList<Chain> chains() {
    return chains;
  }

  /** The nodes joined to {@code v} by a segment from the rank before it, in segment order. */
  int[] predecessors(int v) {
    return predecessors[v];
  }

  /** The nodes joined to {@code v} by a segment into the rank after it, in segment order. */
  int[] successors(int v) {
    return successors[v];
  }

  /** The number of ranks: one more than the highest. */
  int rankCount() {
    return rankCount;
  }
}
