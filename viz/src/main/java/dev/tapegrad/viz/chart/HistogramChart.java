package dev.tapegrad.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histograms side by side, one panel per named set of values, all with the same bins and the same
 * count axis so that they compare at a glance: the activation distributions per layer of the book's
 * Fig 6-10 to 6-14 (five layers, 30 bins over [0, 1]).
 */
public final class HistogramChart {

  private static final Color BAR_FILL = Palette.withAlpha(Palette.series(0), 200);
  private static final Color BAR_EDGE = Palette.series(0).darker();

  private HistogramChart() {}

  /** An empty histogram chart: 30 bins over [0, 1] unless changed. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the panels and options of one histogram chart. */
  public static final class Builder extends PanelChartBuilder<Builder> {
    private final List<String> titles = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private int bins = 30;
    private double min = 0;
    private double max = 1;

    /** All panels in one row, each 260 x 240 px. */
    private Builder() {
      super(0, 260, 240);
    }

    /**
     * One panel titled {@code title} (such as "1-layer") showing the distribution of {@code
     * values}.
     */
    public Builder panel(String title, double[] values) {
      Objects.requireNonNull(title, "panel title");
      Objects.requireNonNull(values, "values of panel '" + title + "'");
      this.titles.add(title);
      this.values.add(values.clone());
      return this;
    }

    /** Number of equal-width bins (default 30). */
    public Builder bins(int bins) {
      this.bins = Checks.atLeast("histogram bins", bins, 1);
      return this;
    }

    /** The binned range [min, max] (default [0, 1]); values outside it are not counted. */
    public Builder range(double min, double max) {
      Checks.range("histogram range", min, max);
      this.min = min;
      this.max = max;
      return this;
    }

    /** The panels tiled into one figure. */
    public FigureGrid build() {
      if (values.isEmpty()) {
        throw new IllegalStateException("a histogram chart needs at least one panel");
      }
      List<Histogram> histograms = new ArrayList<>();
      long largest = 0;
      for (double[] panelValues : values) {
        Histogram histogram = Histogram.of(panelValues, bins, min, max);
        histograms.add(histogram);
        largest = Math.max(largest, histogram.maxCount());
      }
      double countAxisMax = Math.max(1, largest) * 1.05;
      List<Figure> panels = new ArrayList<>();
      for (int p = 0; p < histograms.size(); p++) {
        panels.add(panel(titles.get(p), histograms.get(p), countAxisMax));
      }
      return tile(panels);
    }

    private Figure panel(String panelTitle, Histogram histogram, double countAxisMax) {
      XYChart chart = ChartStyle.xyChart(panelWidth(), panelHeight(), panelTitle, "", "");
      long[] counts = histogram.counts();
      // a step series holds each value until the next x, so the last count is repeated at max
      double[] heights = new double[counts.length + 1];
      for (int k = 0; k < counts.length; k++) {
        heights[k] = counts[k];
      }
      heights[counts.length] = counts[counts.length - 1];
      XYSeries bars = chart.addSeries(panelTitle, histogram.edges(), heights);
      bars.setXYSeriesRenderStyle(XYSeriesRenderStyle.StepArea);
      bars.setFillColor(BAR_FILL);
      bars.setLineColor(BAR_EDGE);
      bars.setLineStyle(new BasicStroke(1f));
      bars.setMarker(SeriesMarkers.NONE);
      ChartStyle.preferRoundXTicks(chart);
      var styler = chart.getStyler();
      styler.setLegendVisible(false);
      styler.setXAxisMin(min);
      styler.setXAxisMax(max);
      styler.setYAxisMin(0.0);
      styler.setYAxisMax(countAxisMax);
      styler.setPlotContentSize(0.94);
      styler.setPlotGridVerticalLinesVisible(false);
      return XChartFigure.of(chart);
    }
  }
}
