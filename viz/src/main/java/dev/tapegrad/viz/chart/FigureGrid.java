package dev.tapegrad.viz.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;
import java.util.Objects;

/**
 * Figures tiled row by row into one figure, with an optional title on top: the 2×2 panel of
 * optimizer paths, the row of per-layer histograms. Every cell is as large as the largest figure;
 * smaller figures are centred in their cell.
 */
public final class FigureGrid implements Figure {

  private final List<Figure> figures;
  private final int columns;
  private final String title;
  private final int cellWidth;
  private final int cellHeight;

  private FigureGrid(int columns, String title, List<Figure> figures) {
    this.figures = figures;
    this.columns = columns;
    this.title = title;
    this.cellWidth = figures.stream().mapToInt(Figure::width).max().orElseThrow();
    this.cellHeight = figures.stream().mapToInt(Figure::height).max().orElseThrow();
  }

  /** Tiles {@code figures} in rows of {@code columns}, without a title. */
  public static FigureGrid of(int columns, List<? extends Figure> figures) {
    return of(columns, null, figures);
  }

  /**
   * Tiles {@code figures} in rows of {@code columns} under {@code title} (null or blank for none).
   */
  public static FigureGrid of(int columns, String title, List<? extends Figure> figures) {
    Objects.requireNonNull(figures, "figures");
    if (figures.isEmpty()) {
      throw new IllegalArgumentException("a figure grid needs at least one figure");
    }
    Checks.atLeast("columns", columns, 1);
    for (int i = 0; i < figures.size(); i++) {
      Objects.requireNonNull(figures.get(i), "figure " + i);
    }
    String shownTitle = title == null || title.isBlank() ? null : title;
    return new FigureGrid(Math.min(columns, figures.size()), shownTitle, List.copyOf(figures));
  }

  /** Number of rows. */
  public int rows() {
    return (figures.size() + columns - 1) / columns;
  }

  /** Number of columns (never more than the number of figures). */
  public int columns() {
    return columns;
  }

  /** The pixel rectangle of cell {@code index} (row-major), the figure inside it being centred. */
  public Rectangle cellBounds(int index) {
    Objects.checkIndex(index, figures.size());
    int top = title == null ? 0 : FigureTitle.HEIGHT;
    return new Rectangle(
        (index % columns) * cellWidth, top + (index / columns) * cellHeight, cellWidth, cellHeight);
  }

  @Override
  public int width() {
    return columns * cellWidth;
  }

  @Override
  public int height() {
    return (title == null ? 0 : FigureTitle.HEIGHT) + rows() * cellHeight;
  }

  @Override
  public void paint(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    if (title != null) {
      FigureTitle.paint(g, title, width(), 0);
    }
    for (int i = 0; i < figures.size(); i++) {
      Figure figure = figures.get(i);
      Rectangle cell = cellBounds(i);
      int x = cell.x + (cell.width - figure.width()) / 2;
      int y = cell.y + (cell.height - figure.height()) / 2;
      Graphics2D cellGraphics = (Graphics2D) g.create(x, y, figure.width(), figure.height());
      try {
        figure.paint(cellGraphics);
      } finally {
        cellGraphics.dispose();
      }
    }
  }
}
