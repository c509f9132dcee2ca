package dev.tapegrad.viz.diagram.layout;

import com.google.common.collect.ImmutableList;

/**
 * A diagram placed on a canvas: every node, edge and cluster with coordinates in pixels, origin at
 * the top left. Sinks draw it as it is.
 *
 * @param width canvas width
 * @param height canvas height
 * @param nodes the nodes, in graph order
 * @param edges the edges, in graph order
 * @param clusters the clusters, outer before inner
 */
public record DiagramLayout(
    double width,
    double height,
    ImmutableList<NodeBox> nodes,
    ImmutableList<EdgeRoute> edges,
    ImmutableList<ClusterBox> clusters) {}
