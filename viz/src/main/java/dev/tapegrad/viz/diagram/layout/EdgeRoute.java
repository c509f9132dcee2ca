package dev.tapegrad.viz.diagram.layout;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.viz.diagram.DiagramEdge;

/**
 * How a diagram edge is drawn: a polyline from the border of its source to the border of its target
 * (the arrowhead goes at the last point), the forward value above it and the gradient below.
 *
 * @param edge the edge
 * @param points two or more points
 * @param value the forward value's text box, or {@code null} when the edge shows none
 * @param gradient the gradient's text box, or {@code null}
 */
public record EdgeRoute(
    DiagramEdge edge, ImmutableList<Point> points, TextBox value, TextBox gradient) {}
