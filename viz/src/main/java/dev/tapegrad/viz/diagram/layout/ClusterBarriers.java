package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps sibling clusters in separate columns, in recording order: between consecutive siblings an
 * invisible barrier node ranks after every node of the first and before every node of the second.
 * Barriers take part in the ranking only.
 */
final class ClusterBarriers {
  private ClusterBarriers() {}

  /**
   * Ranks the nodes of {@code graph}, joined by {@code edges} (one {@code {from, to}} per graph
   * edge), together with the barriers: those are numbered after the graph's nodes, and their edges
   * follow {@code edges}.
   */
  static Ranking rank(DiagramGraph graph, int[][] edges) {
    int real = graph.nodes().size();
    List<int[]> all = new ArrayList<>(Arrays.asList(edges));
    int barriers = 0;
    for (List<String> siblings : siblingGroups(graph.clusters())) {
      List<List<Integer>> members = new ArrayList<>();
      for (String cluster : siblings) {
        members.add(membersOf(graph, cluster));
      }
      members.sort(Comparator.comparingInt((List<Integer> m) -> m.get(0)));
      for (int k = 0; k + 1 < members.size(); k++) {
        int barrier = real + barriers++;
        for (int v : members.get(k)) {
          all.add(new int[] {v, barrier, 0});
        }
        for (int v : members.get(k + 1)) {
          all.add(new int[] {barrier, v, 1});
        }
      }
    }
    return Ranking.of(real + barriers, all.toArray(new int[0][]));
  }

  /** The clusters grouped by their parent, in the order of {@code clusters}. */
  private static Iterable<List<String>> siblingGroups(List<String> clusters) {
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (String cluster : clusters) {
      children.computeIfAbsent(ScopePaths.parent(cluster), p -> new ArrayList<>()).add(cluster);
    }
    return children.values();
  }

  /** The indices of the nodes drawn within {@code cluster}, in graph order. */
  private static List<Integer> membersOf(DiagramGraph graph, String cluster) {
    List<Integer> inside = new ArrayList<>();
    for (int v = 0; v < graph.nodes().size(); v++) {
      if (ScopePaths.within(graph.nodes().get(v).scope(), cluster)) {
        inside.add(v);
      }
    }
    return inside;
  }
}
