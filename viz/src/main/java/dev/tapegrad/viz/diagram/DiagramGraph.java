package dev.tapegrad.viz.diagram;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The renderer-independent diagram of a recorded graph: nodes, the edges between them with their
 * forward values and gradients, and the scopes drawn as clusters. Built by {@link Diagram}; read by
 * the layout and the sinks, and by tests.
 */
public final class DiagramGraph {
  private final ImmutableList<DiagramNode> nodes;
  private final ImmutableList<DiagramEdge> edges;
  private final ImmutableMap<String, DiagramNode> byId;
  private final ImmutableList<String> clusters;

  /**
   * A graph of {@code nodes} (unique ids) and {@code edges} between them; clusters are every scope
   * path that some node lies within.
   */
  public DiagramGraph(List<DiagramNode> nodes, List<DiagramEdge> edges) {
    this.nodes = ImmutableList.copyOf(nodes);
    this.edges = ImmutableList.copyOf(edges);
    ImmutableMap.Builder<String, DiagramNode> ids = ImmutableMap.builder();
    Set<String> scopes = new LinkedHashSet<>();
    for (DiagramNode node : nodes) {
      ids.put(node.id(), node);
      scopes.addAll(ScopePaths.prefixes(node.scope()));
    }
    this.byId = ids.buildOrThrow();
    for (DiagramEdge edge : edges) {
      if (!byId.containsKey(edge.from()) || !byId.containsKey(edge.to())) {
        throw new IllegalArgumentException(
            "diagram: edge " + edge.from() + " -> " + edge.to() + " names an unknown node");
      }
    }
    this.clusters = ImmutableList.copyOf(scopes);
  }

  public ImmutableList<DiagramNode> nodes() {
    return nodes;
  }

  public ImmutableList<DiagramEdge> edges() {
    return edges;
  }

  /** The node with this id; an {@link IllegalArgumentException} if there is none. */
  public DiagramNode node(String id) {
    DiagramNode node = byId.get(id);
    if (node == null) {
      throw new IllegalArgumentException("diagram: no node with id " + id);
    }
    return node;
  }

  /** Scope paths drawn as clusters, outer scopes before the scopes inside them. */
  public ImmutableList<String> clusters() {
    return clusters;
  }

  /** Nodes by id, in graph order. */
  public Map<String, DiagramNode> nodesById() {
    return byId;
  }
}
