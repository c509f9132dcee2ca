package dev.tapegrad.viz.diagram;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A value flowing from one node to another.
 *
 * @param from id of the node that produces or passes on the value
 * @param to id of the node that consumes it
 * @param value the forward value as drawn above the edge: a rounded number for a one-element tensor
 *     ({@code 220}), a shape otherwise ({@code (2,3)}); empty when the source node already shows it
 *     (an unnamed constant)
 * @param gradient the gradient of the loss with respect to that value, drawn below the edge in the
 *     same format; empty when there is none (no backward pass yet, or a constant)
 */
public record DiagramEdge(String from, String to, String value, String gradient) {
  public DiagramEdge {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(value, "value");
    checkNotNull(gradient, "gradient");
  }
}
