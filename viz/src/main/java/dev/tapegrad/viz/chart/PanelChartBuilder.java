package dev.tapegrad.viz.chart;

import java.util.List;
import java.util.Objects;

/**
 * The options shared by charts made of several panels (optimizer paths, histograms): panels per
 * row, panel size and a title above all panels.
 *
 * @param <B> the concrete builder, returned by every option for chaining
 */
public abstract class PanelChartBuilder<B extends PanelChartBuilder<B>> {

  private int columns;
  private int panelWidth;
  private int panelHeight;
  private String title;

  PanelChartBuilder(int defaultColumns, int defaultPanelWidth, int defaultPanelHeight) {
    this.columns = defaultColumns;
    this.panelWidth = defaultPanelWidth;
    this.panelHeight = defaultPanelHeight;
  }

  /** Panels per row. */
  public B columns(int columns) {
    this.columns = Checks.atLeast("columns", columns, 1);
    return self();
  }

  /** Size of each panel in pixels (at least 150 x 120). */
  public B panelSize(int width, int height) {
    this.panelWidth = Checks.atLeast("panel width", width, 150);
    this.panelHeight = Checks.atLeast("panel height", height, 120);
    return self();
  }

  /** A title above all panels. */
  public B title(String title) {
    this.title = Objects.requireNonNull(title, "title");
    return self();
  }

  /** Panels per row, 0 meaning all panels in one row. */
  int columns() {
    return columns;
  }

  int panelWidth() {
    return panelWidth;
  }

  int panelHeight() {
    return panelHeight;
  }

  /** The panels tiled under the title. */
  FigureGrid tile(List<Figure> panels) {
    return FigureGrid.of(columns > 0 ? columns : panels.size(), title, panels);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
