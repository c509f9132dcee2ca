package dev.tapegrad.examples.plot;

import dev.tapegrad.viz.chart.LineChart;
import dev.tapegrad.viz.chart.XChartFigure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntBinaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figures 2-6 to 2-8: the four inputs of a two-input gate drawn by output (circles for 0, triangles
 * for 1), its decision lines, and the region where it outputs 0 shaded grey. That region is the
 * union of the lines' 0-sides: the 0-side of a single perceptron, or for XOR = AND(NAND(x), OR(x))
 * the points where NAND or OR outputs 0.
 */
public final class DecisionBoundaryChart {
  /** The square shown, {@code [MIN, MAX]²}, with the four inputs well inside. */
  static final double MIN = -0.5;

  static final double MAX = 1.5;

  private static final Color REGION = new Color(0xd9d9d9);
  private static final Color[] LINE_COLORS = {new Color(0x222222), new Color(0x9467bd)};
  private static final Color ZERO = new Color(0x1f77b4);
  private static final Color ONE = new Color(0xd62728);
  private static final BasicStroke LINE = new BasicStroke(2.5f);
  private static final int[][] INPUTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

  private DecisionBoundaryChart() {}

  /**
   * The chart of a gate with the given lines; {@code output} gives the gate's output for (x1, x2).
   */
  public static XChartFigure of(String title, List<DecisionLine> lines, IntBinaryOperator output) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a decision-boundary chart needs at least one line");
    }
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<double[]> region = lines.get(i).zeroSide(MIN, MAX);
      if (!region.isEmpty()) {
        boolean first = layers.isEmpty();
        layers.add(
            new Layer(
                first ? "output 0" : "output 0, " + lines.get(i).label(),
                xs(region),
                ys(region),
                s -> {
                  s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
                  s.setFillColor(REGION);
                  s.setLineColor(REGION);
                  s.setMarker(SeriesMarkers.NONE);
                  s.setShowInLegend(first);
                }));
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      DecisionLine line = lines.get(i);
      double[] segment = line.segment(MIN, MAX);
      if (segment != null) {
        Color color = LINE_COLORS[i % LINE_COLORS.length];
        layers.add(
            new Layer(
                line.label(),
                new double[] {segment[0], segment[2]},
                new double[] {segment[1], segment[3]},
                s -> {
                  s.setLineColor(color);
                  s.setLineStyle(LINE);
                  s.setMarker(SeriesMarkers.NONE);
                }));
      }
    }
    for (int y = 0; y <= 1; y++) {
      List<double[]> points = new ArrayList<>();
      for (int[] x : INPUTS) {
        if (output.applyAsInt(x[0], x[1]) == y) {
          points.add(new double[] {x[0], x[1]});
        }
      }
      if (!points.isEmpty()) {
        boolean one = y == 1;
        layers.add(
            new Layer(
                "y = " + y,
                xs(points),
                ys(points),
                s -> {
                  s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                  s.setMarker(one ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.CIRCLE);
                  s.setMarkerColor(one ? ONE : ZERO);
                }));
      }
    }
    Layer first = layers.get(0);
    XChartFigure figure =
        LineChart.builder()
            .title(title)
            .xLabel("x1")
            .yLabel("x2")
            .size(620, 440)
            .yRange(MIN, MAX)
            .markers(false)
            .series(first.name(), first.x(), first.y())
            .build();
    XYChart chart = (XYChart) figure.chart();
    for (Layer layer : layers) {
      XYSeries series =
          layer == first
              ? chart.getSeries(first.name())
              : chart.addSeries(layer.name(), layer.x(), layer.y());
      layer.style().accept(series);
    }
    var styler = chart.getStyler();
    styler.setXAxisMin(MIN);
    styler.setXAxisMax(MAX);
    styler.setMarkerSize(14);
    styler.setLegendVisible(true);
    styler.setLegendPosition(LegendPosition.OutsideE);
    styler.setPlotContentSize(1.0);
    return figure;
  }

  /** One series to add, in drawing order (regions first, then lines, then points). */
  private record Layer(String name, double[] x, double[] y, Consumer<XYSeries> style) {}

  private static double[] xs(List<double[]> points) {
    return points.stream().mapToDouble(p -> p[0]).toArray();
  }

  private static double[] ys(List<double[]> points) {
    return points.stream().mapToDouble(p -> p[1]).toArray();
  }
}
