package dev.tapegrad.viz.diagram;

/**
 * How much of a scoped graph a diagram shows. Combine a level with {@link Diagram#expand} and
 * {@link Diagram#collapse} for a mixed view (one layer opened, the rest closed).
 */
public enum Level {
  /** Every primitive node; scopes are drawn as clusters around their nodes. */
  OP,
  /**
   * Every innermost scope (one with no scope nested inside it, such as {@code TwoLayerNet/Affine1})
   * collapsed into one node named after its last segment; enclosing scopes stay clusters, and ops
   * recorded directly in an enclosing scope stay op nodes.
   */
  LAYER
}
