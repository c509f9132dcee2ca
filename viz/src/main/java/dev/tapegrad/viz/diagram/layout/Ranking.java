package dev.tapegrad.viz.diagram.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Assigns every node a rank (a column, left to right): the longest path from the sources, then each
 * source moved right next to its first consumer, as the book draws inputs beside the node that
 * takes them. Cycles (possible once scopes are collapsed) are broken by ignoring the edges that
 * close them; {@link #ignored} tells which.
 */
final class Ranking {
  final int[] rank;
  final boolean[] ignored;

  private Ranking(int[] rank, boolean[] ignored) {
    this.rank = rank;
    this.ignored = ignored;
  }

  /**
   * Ranks for {@code n} nodes joined by {@code edges} ({@code {from, to}} pairs, or {@code {from,
   * to, minimumLength}}; the default length is 1).
   */
  static Ranking of(int n, int[][] edges) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    int[] indegree = new int[n];
    for (int e = 0; e < edges.length; e++) {
      out.get(edges[e][0]).add(e);
      indegree[edges[e][1]]++;
    }
    boolean[] ignored = new boolean[edges.length];
    boolean[] done = new boolean[n];
    int[] rank = new int[n];
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    int finished = 0;
    int nextUnfinished = 0;
    while (finished < n) {
      if (ready.isEmpty()) {
        while (done[nextUnfinished]) {
          nextUnfinished++;
        }
        breakCycleAt(nextUnfinished, edges, done, ignored);
        ready.add(nextUnfinished);
      }
      int v = ready.poll();
      done[v] = true;
      finished++;
      for (int e : out.get(v)) {
        int w = edges[e][1];
        if (ignored[e] || done[w]) {
          ignored[e] = true;
          continue;
        }
        rank[w] = Math.max(rank[w], rank[v] + length(edges[e]));
        if (--indegree[w] == 0) {
          ready.add(w);
        }
      }
    }
    pullSourcesRight(n, edges, ignored, rank);
    return new Ranking(rank, ignored);
  }

  private static int length(int[] edge) {
    return edge.length > 2 ? edge[2] : 1;
  }

  private static void breakCycleAt(int v, int[][] edges, boolean[] done, boolean[] ignored) {
    for (int e = 0; e < edges.length; e++) {
      if (edges[e][1] == v && !done[edges[e][0]]) {
        ignored[e] = true;
      }
    }
  }

  private static void pullSourcesRight(int n, int[][] edges, boolean[] ignored, int[] rank) {
    boolean[] hasIn = new boolean[n];
    int[] firstUse = new int[n];
    java.util.Arrays.fill(firstUse, Integer.MAX_VALUE);
    for (int e = 0; e < edges.length; e++) {
      if (!ignored[e]) {
        hasIn[edges[e][1]] = true;
        firstUse[edges[e][0]] =
            Math.min(firstUse[edges[e][0]], rank[edges[e][1]] - length(edges[e]) + 1);
      }
    }
    for (int v = 0; v < n; v++) {
      if (!hasIn[v] && firstUse[v] != Integer.MAX_VALUE) {
        rank[v] = firstUse[v] - 1;
      }
    }
  }
}
