package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/** Computes something for every cluster from the same for the clusters directly inside it. */
final class ClusterNesting {
  private ClusterNesting() {}

  /**
   * One value per cluster, in the order of {@code clusters}: {@code compute} gets the cluster's
   * path and the values of the clusters directly inside it (in the order of {@code clusters}),
   * which are computed first.
   */
  static <T> List<T> innerFirst(List<String> clusters, BiFunction<String, List<T>, T> compute) {
    Integer[] deepestFirst = new Integer[clusters.size()];
    for (int c = 0; c < deepestFirst.length; c++) {
      deepestFirst[c] = c;
    }
    Arrays.sort(
        deepestFirst, Comparator.comparingInt((Integer c) -> -ScopePaths.depth(clusters.get(c))));
    List<T> values = new ArrayList<>(Collections.nCopies(clusters.size(), null));
    for (int c : deepestFirst) {
      String path = clusters.get(c);
      List<T> inner = new ArrayList<>();
      for (int i = 0; i < clusters.size(); i++) {
        if (ScopePaths.parent(clusters.get(i)).equals(path)) {
          inner.add(values.get(i));
        }
      }
      values.set(c, compute.apply(path, inner));
    }
    return values;
  }
}
