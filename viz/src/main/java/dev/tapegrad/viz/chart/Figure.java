package dev.tapegrad.viz.chart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A picture of a fixed pixel size that can paint itself on any {@link Graphics2D}: the common
 * currency of the chart package. Every chart, panel grid and image grid is a figure, so each can be
 * tiled into a {@link FigureGrid} and written as PNG or SVG.
 *
 * <p>Rendering never needs a display: if the application has not chosen, {@code java.awt.headless}
 * is set to {@code true} before the first figure is rendered or written.
 */
public interface Figure {

  /** Width in pixels. */
  int width();

  /** Height in pixels. */
  int height();

  /** Paints the figure into the rectangle (0, 0, width, height) of {@code g}. */
  void paint(Graphics2D g);

  /** Renders the figure into a new RGB image of {@link #width()} by {@link #height()} pixels. */
  default BufferedImage toImage() {
    return FigureFiles.render(this);
  }

  /**
   * Writes the figure as a PNG file. The file is written to a temporary file next to it and then
   * moved into place, so a failed write leaves an existing file untouched. Missing parent folders
   * are created.
   */
  default void writePng(Path file) throws IOException {
    FigureFiles.writePng(this, file);
  }

  /**
   * Writes the figure as an SVG file (vector graphics, same size in px), atomically like {@link
   * #writePng}.
   */
  default void writeSvg(Path file) throws IOException {
    FigureFiles.writeSvg(this, file);
  }
}
