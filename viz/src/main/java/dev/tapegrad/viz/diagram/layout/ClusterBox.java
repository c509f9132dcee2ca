package dev.tapegrad.viz.diagram.layout;

/**
 * The rounded rectangle drawn around a scope's nodes, titled with the scope's last segment.
 *
 * @param scope the full scope path
 * @param title the text in its top-left corner
 * @param left left edge
 * @param top top edge
 * @param width width
 * @param height height
 */
public record ClusterBox(
    String scope, String title, double left, double top, double width, double height) {}
