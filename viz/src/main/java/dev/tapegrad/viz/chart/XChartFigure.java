package dev.tapegrad.viz.chart;

import java.awt.Graphics2D;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Any XChart chart as a {@link Figure}, so that a chart styled by hand can be tiled with the others
 * and written as PNG or SVG the same way.
 */
public final class XChartFigure implements Figure {

  private final Chart<?, ?> chart;

  private XChartFigure(Chart<?, ?> chart) {
    this.chart = chart;
  }

  /** Wraps {@code chart}; its width and height are the figure's. */
  public static XChartFigure of(Chart<?, ?> chart) {
    return new XChartFigure(Objects.requireNonNull(chart, "chart"));
  }

  /** The wrapped chart, for styling beyond what the builders offer. */
  public Chart<?, ?> chart() {
    return chart;
  }

  @Override
  public int width() {
    return chart.getWidth();
  }

  @Override
  public int height() {
    return chart.getHeight();
  }

  @Override
  public void paint(Graphics2D g) {
    chart.paint(g, chart.getWidth(), chart.getHeight());
  }
}
