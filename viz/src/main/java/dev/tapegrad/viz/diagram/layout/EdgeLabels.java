package dev.tapegrad.viz.diagram.layout;

import dev.tapegrad.viz.diagram.DiagramEdge;
import java.util.ArrayList;
import java.util.List;

/**
 * The text boxes of one edge: its forward value above the line, its gradient below.
 *
 * @param value the value's box, or {@code null} when the edge shows none
 * @param gradient the gradient's box, or {@code null}
 */
record EdgeLabels(TextBox value, TextBox gradient) {
  /** Labels of an edge that shows neither value nor gradient. */
  static final EdgeLabels NONE = new EdgeLabels(null, null);

  /** Vertical space between a label and its line. */
  private static final double OFFSET = 2;

  /** Horizontal space kept between labels. */
  private static final double SPACING = 4;

  /**
   * The labels of {@code edge} centred at {@code x}: the value above {@code lineTop}, the top of
   * its line under the label, and the gradient below {@code lineBottom}, the line's bottom.
   */
  static EdgeLabels around(DiagramEdge edge, double x, double lineTop, double lineBottom) {
    double h = TextMetrics.LINE_HEIGHT;
    return new EdgeLabels(
        edge.value().isEmpty()
            ? null
            : new TextBox(
                edge.value(), x, lineTop - OFFSET - h / 2, TextMetrics.width(edge.value()), h),
        edge.gradient().isEmpty()
            ? null
            : new TextBox(
                edge.gradient(),
                x,
                lineBottom + OFFSET + h / 2,
                TextMetrics.width(edge.gradient()),
                h));
  }

  /** Width of the wider of the labels of {@code edge}. */
  static double width(DiagramEdge edge) {
    return Math.max(TextMetrics.width(edge.value()), TextMetrics.width(edge.gradient()));
  }

  /** The boxes there are, the value's first. */
  List<TextBox> boxes() {
    List<TextBox> boxes = new ArrayList<>(2);
    if (value != null) {
      boxes.add(value);
    }
    if (gradient != null) {
      boxes.add(gradient);
    }
    return boxes;
  }

  /** Whether no box overlaps one of {@code placed}, or comes closer to it sideways than spacing. */
  boolean clearOf(List<TextBox> placed) {
    for (TextBox box : boxes()) {
      for (TextBox other : placed) {
        if (box.overlaps(other.x(), other.y(), other.width() + SPACING, other.height())) {
          return false;
        }
      }
    }
    return true;
  }

  /** Both boxes moved by ({@code dx}, {@code dy}). */
  EdgeLabels shifted(double dx, double dy) {
    return new EdgeLabels(shifted(value, dx, dy), shifted(gradient, dx, dy));
  }

  private static TextBox shifted(TextBox box, double dx, double dy) {
    return box == null
        ? null
        : new TextBox(box.text(), box.x() + dx, box.y() + dy, box.width(), box.height());
  }
}
