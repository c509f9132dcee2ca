package dev.tapegrad.viz.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/**
 * The title band above a figure grid or image grid: bold text centred in a band of fixed height.
 */
final class FigureTitle {

  /** Height of the band in pixels. */
  static final int HEIGHT = 34;

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);

  private FigureTitle() {}

  /** Paints {@code title} centred in the band from {@code top} across {@code width} pixels. */
  static void paint(Graphics2D g, String title, int width, int top) {
    g.setColor(Color.BLACK);
    g.setFont(FONT);
    FontMetrics metrics = g.getFontMetrics();
    int baseline = top + (HEIGHT - metrics.getHeight()) / 2 + metrics.getAscent();
    g.drawString(title, (width - metrics.stringWidth(title)) / 2, baseline);
  }
}
