package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.DiagramGraph;
import java.util.List;

/**
 * Lays a {@link DiagramGraph} out left to right in ranks like the book's figures: inputs on the
 * left, the loss on the right, values above the edges and gradients below them.
 *
 * <p>It works in phases, each a class of its own:
 *
 * <ol>
 *   <li>{@link RankedGraph}: ranks by longest path, inputs pulled next to their consumers, and long
 *       edges broken into chains of invisible points;
 *   <li>{@link Ordering}: barycentric crossing reduction keeping scopes contiguous;
 *   <li>{@link VerticalPlacement}: each node as close to its neighbours as the minimum gaps allow,
 *       then {@link ClusterSeparation}: clusters pushed clear of each other;
 *   <li>{@link Columns}: column gaps sized from the widest label; {@link LabelPlacement}: each
 *       label slid along its edge, or the gap widened, until it overlaps no other label;
 *   <li>{@link LayoutAssembly}: clusters framed and everything moved onto the canvas.
 * </ol>
 *
 * <p>The result depends on nothing but the graph, so the same graph always gives the same layout.
 */
public final class LayeredLayout {
  private LayeredLayout() {}

  /** Lays {@code graph} out. */
  public static DiagramLayout of(DiagramGraph graph) {
    RankedGraph ranked = RankedGraph.of(graph);
    int[][] orders = Ordering.of(ranked);
    double[] y = VerticalPlacement.place(ranked, orders);
    y = ClusterSeparation.separate(graph.clusters(), ranked, orders, y);
    Columns columns = Columns.of(graph, ranked, y);
    List<EdgeLabels> labels = LabelPlacement.place(graph, ranked, orders, y, columns);
    return LayoutAssembly.of(graph, ranked.chains(), columns.place(ranked, y), labels);
  }

  /**
   * Whether an op label fits in the book's circle; longer ones ({@code transpose}) get an ellipse.
   */
  public static boolean fitsCircle(String label) {
    return LayoutNode.fitsCircle(label);
  }
}
