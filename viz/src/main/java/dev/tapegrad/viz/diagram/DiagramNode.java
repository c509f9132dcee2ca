package dev.tapegrad.viz.diagram;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One node of a {@link DiagramGraph}.
 *
 * @param id stable identifier, unique in its graph (sinks use it as the node id)
 * @param kind what the node stands for
 * @param label the text drawn for it: an op symbol ({@code ×}), a variable name ({@code apple}), a
 *     constant's value ({@code 1.1}) or a layer name ({@code Affine1}); may be empty
 * @param scope slash-separated path of the cluster the node is drawn in, empty at the top level
 */
public record DiagramNode(String id, NodeKind kind, String label, String scope) {
  public DiagramNode {
    checkNotNull(id, "id");
    checkNotNull(kind, "kind");
    checkNotNull(label, "label");
    checkNotNull(scope, "scope");
  }
}
