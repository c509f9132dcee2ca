package dev.tapegrad.viz.diagram.layout;

/** A position in layout pixels; y grows downward, as in SVG. */
public record Point(double x, double y) {}
