package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.DiagramNode;
import dev.tapegrad.viz.diagram.NodeKind;

/**
 * One node of the layout: a diagram node with the size of its shape, or a chain point, the
 * invisible point of no size where a long edge crosses a rank. Either way it has the scope it is
 * drawn in and its rank, the column it stands in.
 *
 * @param node the diagram node, or {@code null} for a chain point
 * @param width width of its shape (the diameter for a circle)
 * @param height height of its shape
 * @param scope scope path of the cluster it is drawn in
 * @param rank its column, counted from the left
 */
record LayoutNode(DiagramNode node, double width, double height, String scope, int rank) {
  /** Diameter of an op's circle. */
  private static final double CIRCLE = 36;

  /** A diagram node in {@code rank}, its shape sized for its kind and label. */
  static LayoutNode of(DiagramNode node, int rank) {
    double text = TextMetrics.width(node.label());
    double[] size =
        switch (node.kind()) {
          case OP ->
              fitsCircle(node.label())
                  ? new double[] {CIRCLE, CIRCLE}
                  : new double[] {text + 20, CIRCLE};
          case LAYER -> new double[] {text + 24, 36};
          case BRANCH -> new double[] {7, 7};
          case INPUT, OUTPUT ->
              new double[] {node.label().isEmpty() ? 8 : text + 8, TextMetrics.LINE_HEIGHT + 4};
        };
    return new LayoutNode(node, size[0], size[1], node.scope(), rank);
  }

  /** A chain point in {@code rank}, drawn within {@code scope}. */
  static LayoutNode chainPoint(String scope, int rank) {
    return new LayoutNode(null, 0, 0, scope, rank);
  }

  /** Whether an op label fits in a circle; longer ones ({@code transpose}) get an ellipse. */
  static boolean fitsCircle(String label) {
    return TextMetrics.width(label) + 10 <= CIRCLE;
  }

  boolean isChainPoint() {
    return node == null;
  }

  /** Whether this is an input, drawn at the right of its column, next to its consumer. */
  boolean isInput() {
    return node != null && node.kind() == NodeKind.INPUT;
  }

  /** Whether the shape is a circle or an ellipse rather than a rectangle. */
  boolean isRound() {
    return node.kind() == NodeKind.OP || node.kind() == NodeKind.BRANCH;
  }
}
