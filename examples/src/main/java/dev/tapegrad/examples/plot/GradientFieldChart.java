package dev.tapegrad.examples.plot;

import dev.tapegrad.viz.chart.LineChart;
import dev.tapegrad.viz.chart.XChartFigure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A quiver plot (Fig 4-9): one arrow per grid point in the direction of a vector field, its length
 * proportional to the vector's, the longest as long as the grid spacing.
 */
public final class GradientFieldChart {
  /** Length of an arrow head relative to the longest arrow. */
  private static final double HEAD = 0.3;

  /** Half-angle of an arrow head. */
  private static final double HEAD_ANGLE = Math.toRadians(25);

  private GradientFieldChart() {}

  /**
   * The arrows, each {@code {x, y, dx, dy}} (start point and vector), on a grid with the given
   * spacing; zero vectors are left out.
   */
  public static XChartFigure of(String title, List<double[]> arrows, double spacing) {
    double longest = 0;
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (double[] a : arrows) {
      if (a.length != 4
          || !(Double.isFinite(a[0])
              && Double.isFinite(a[1])
              && Double.isFinite(a[2])
              && Double.isFinite(a[3]))) {
        throw new IllegalArgumentException("an arrow needs four finite numbers {x, y, dx, dy}");
      }
      longest = Math.max(longest, Math.hypot(a[2], a[3]));
      xMin = Math.min(xMin, a[0]);
      xMax = Math.max(xMax, a[0]);
      yMin = Math.min(yMin, a[1]);
      yMax = Math.max(yMax, a[1]);
    }
    if (longest == 0) {
      throw new IllegalArgumentException("a gradient field needs at least one non-zero arrow");
    }
    double scale = spacing / longest;
    double headLength = HEAD * spacing;
    // Each arrow: start, tip, one barb, back to the tip, the other barb, then a gap (NaN y).
    int perArrow = 6;
    double[] xs = new double[arrows.size() * perArrow];
    double[] ys = new double[xs.length];
    int at = 0;
    for (double[] a : arrows) {
      if (a[2] == 0 && a[3] == 0) {
        continue;
      }
      double dx = a[2] * scale;
      double dy = a[3] * scale;
      double length = Math.hypot(dx, dy);
      double tipX = a[0] + dx;
      double tipY = a[1] + dy;
      double angle = Math.atan2(dy, dx);
      double head = Math.min(headLength, 0.6 * length);
      double[][] points = {
        {a[0], a[1]},
        {tipX, tipY},
        {tipX - head * Math.cos(angle - HEAD_ANGLE), tipY - head * Math.sin(angle - HEAD_ANGLE)},
        {tipX, tipY},
        {tipX - head * Math.cos(angle + HEAD_ANGLE), tipY - head * Math.sin(angle + HEAD_ANGLE)},
        {tipX, Double.NaN},
      };
      for (double[] p : points) {
        xs[at] = p[0];
        ys[at++] = p[1];
      }
    }
    XChartFigure figure =
        LineChart.builder()
            .title(title)
            .xLabel("x0")
            .yLabel("x1")
            .size(560, 560)
            .yRange(yMin - spacing, yMax + spacing)
            .markers(false)
            .series("−∇f", Arrays.copyOf(xs, at), Arrays.copyOf(ys, at))
            .build();
    XYChart chart = (XYChart) figure.chart();
    var arrowsSeries = chart.getSeries("−∇f");
    arrowsSeries.setLineColor(new Color(0x555555));
    arrowsSeries.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    arrowsSeries.setMarker(SeriesMarkers.NONE);
    chart.getStyler().setXAxisMin(xMin - spacing);
    chart.getStyler().setXAxisMax(xMax + spacing);
    chart.getStyler().setLegendVisible(false);
    return figure;
  }
}
