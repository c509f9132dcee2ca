package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the nodes of each rank top to bottom with few edge crossings: barycentric sweeps down and
 * up the ranks, keeping the best order seen. Nodes of one scope stay contiguous in every rank so
 * that clusters can be drawn as rectangles. Ties keep the previous order, so the result is
 * deterministic.
 */
final class Ordering {
  private static final int SWEEPS = 12;

  private final RankedGraph graph;
  private final int[] position;

  private Ordering(RankedGraph graph) {
    this.graph = graph;
    this.position = new int[graph.nodes().size()];
  }

  /** The layout nodes of each rank of {@code graph}, top to bottom. */
  static int[][] of(RankedGraph graph) {
    int[] count = new int[graph.rankCount()];
    for (LayoutNode node : graph.nodes()) {
      count[node.rank()]++;
    }
    int[][] orders = new int[count.length][];
    for (int r = 0; r < orders.length; r++) {
      orders[r] = new int[count[r]];
    }
    int[] fill = new int[count.length];
    for (int v = 0; v < graph.nodes().size(); v++) {
      int r = graph.node(v).rank();
      orders[r][fill[r]++] = v;
    }
    new Ordering(graph).run(orders);
    return orders;
  }

  private void run(int[][] orders) {
    int[][] best = copy(orders);
    long bestCrossings = crossings(orders);
    for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
      boolean downward = sweep % 2 == 0;
      for (int i = 1; i < orders.length; i++) {
        int r = downward ? i : orders.length - 1 - i;
        reorder(orders[r], downward);
      }
      long c = crossings(orders);
      if (c < bestCrossings) {
        bestCrossings = c;
        best = copy(orders);
      }
    }
    for (int r = 0; r < orders.length; r++) {
      orders[r] = best[r];
    }
  }

  /** Sorts {@code rank} by the mean position of its neighbours in the rank the sweep comes from. */
  private void reorder(int[] rank, boolean downward) {
    double[] key = new double[position.length];
    List<Integer> items = new ArrayList<>(rank.length);
    for (int k = 0; k < rank.length; k++) {
      int v = rank[k];
      items.add(v);
      int[] nb = downward ? graph.predecessors(v) : graph.successors(v);
      if (nb.length == 0) {
        key[v] = Double.NaN;
      } else {
        double sum = 0;
        for (int w : nb) {
          sum += position[w];
        }
        key[v] = sum / nb.length;
      }
    }
    for (int k = 0; k < rank.length; k++) {
      if (Double.isNaN(key[rank[k]])) {
        key[rank[k]] = neighbourlessKey(rank, key, k);
      }
    }
    List<Integer> sorted = clustered(items, key, "");
    for (int k = 0; k < rank.length; k++) {
      rank[k] = sorted.get(k);
      position[rank[k]] = k;
    }
  }

  /** A node without neighbours on the fixed side keeps its place between its neighbours' keys. */
  private static double neighbourlessKey(int[] rank, double[] key, int k) {
    for (int j = k - 1; j >= 0; j--) {
      if (!Double.isNaN(key[rank[j]])) {
        return key[rank[j]] + 1e-6 * (k - j);
      }
    }
    return -1 + 1e-6 * k;
  }

  /** Sorts by key, treating each scope directly inside {@code within} as one block. */
  private List<Integer> clustered(List<Integer> items, double[] key, String within) {
    int depth = ScopePaths.depth(within);
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    List<Unit> units = new ArrayList<>();
    for (int k = 0; k < items.size(); k++) {
      int v = items.get(k);
      List<String> prefixes = ScopePaths.prefixes(graph.node(v).scope());
      if (prefixes.size() <= depth) {
        units.add(new Unit(List.of(v), key[v], k));
      } else {
        groups.computeIfAbsent(prefixes.get(depth), s -> new ArrayList<>()).add(v);
      }
    }
    for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
      List<Integer> members = group.getValue();
      double sum = 0;
      for (int v : members) {
        sum += key[v];
      }
      units.add(
          new Unit(
              clustered(members, key, group.getKey()),
              sum / members.size(),
              items.indexOf(members.get(0))));
    }
    units.sort(Comparator.comparingDouble(Unit::key).thenComparingInt(Unit::first));
    List<Integer> result = new ArrayList<>(items.size());
    for (Unit unit : units) {
      result.addAll(unit.members());
    }
    return result;
  }

  /** A node, or a scope's block of nodes, with its sort key and first place in the old order. */
  private record Unit(List<Integer> members, double key, int first) {}

  private long crossings(int[][] orders) {
    for (int[] rank : orders) {
      for (int k = 0; k < rank.length; k++) {
        position[rank[k]] = k;
      }
    }
    long total = 0;
    for (int r = 0; r + 1 < orders.length; r++) {
      total += crossingsBetween(orders[r]);
    }
    return total;
  }

  /** Crossings of the segments from {@code upper} to the next rank, by counting inversions. */
  private long crossingsBetween(int[] upper) {
    List<int[]> pairs = new ArrayList<>();
    int maxLower = 0;
    for (int v : upper) {
      for (int w : graph.successors(v)) {
        pairs.add(new int[] {position[v], position[w]});
        maxLower = Math.max(maxLower, position[w]);
      }
    }
    pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
    long[] tree = new long[maxLower + 2];
    long inversions = 0;
    for (int i = 0; i < pairs.size(); i++) {
      int lower = pairs.get(i)[1] + 1;
      long notGreater = 0;
      for (int j = lower; j > 0; j -= j & -j) {
        notGreater += tree[j];
      }
      inversions += i - notGreater;
      for (int j = lower; j < tree.length; j += j & -j) {
        tree[j]++;
      }
    }
    return inversions;
  }

  private static int[][] copy(int[][] orders) {
    int[][] c = new int[orders.length][];
    for (int r = 0; r < orders.length; r++) {
      c[r] = Arrays.copyOf(orders[r], orders[r].length);
    }
    return c;
  }
}
