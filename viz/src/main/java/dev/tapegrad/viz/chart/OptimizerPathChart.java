package dev.tapegrad.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Paths of optimizers over the contour lines of the function they minimise, one panel per path, as
 * in the book's Fig 6-8 (SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y², a 2 x 2 panel).
 * Each panel shows the level sets of f (traced with {@link ContourLines}), the path as a red
 * polyline with a marker on every step, and optionally the minimum marked with a '+'.
 */
public final class OptimizerPathChart {

  private static final Color PATH = new Color(0xd62728);
  private static final BasicStroke CONTOUR = new BasicStroke(1f);
  private static final BasicStroke PATH_LINE =
      new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final BasicStroke PLUS_LINE = new BasicStroke(2f);

  /**
   * Half the length of the '+' arms as a fraction of the x range (the y arm is scaled to look
   * equal).
   */
  private static final double PLUS_ARM = 0.02;

  /** Contour colours run over this part of the ramp; its light yellow end is too faint on white. */
  private static final double RAMP_END = 0.8;

  /** Grid cells along the longer side of the bounds when tracing contours. */
  private static final int CONTOUR_RESOLUTION = 400;

  private OptimizerPathChart() {}

  /**
   * A chart of paths over the contours of {@code f}, showing (and sampling f on) {@code bounds}.
   */
  public static Builder builder(DoubleBinaryOperator f, Bounds bounds) {
    return new Builder(Objects.requireNonNull(f, "f"), Objects.requireNonNull(bounds, "bounds"));
  }

  /** Collects the panels and options of one optimizer-path chart. */
  public static final class Builder extends PanelChartBuilder<Builder> {
    private final DoubleBinaryOperator f;
    private final Bounds bounds;
    private final Map<String, List<Point2D>> paths = new LinkedHashMap<>();
    private double[] levels;
    private int levelCount = 10;
    private Point2D minimum;

    /** Two panels per row, each 480 x 320 px. */
    private Builder(DoubleBinaryOperator f, Bounds bounds) {
      super(2, 480, 320);
      this.f = f;
      this.bounds = bounds;
    }

    /** One panel titled {@code name} with the path through {@code points} in order. */
    public Builder path(String name, List<? extends Point2D> points) {
      Objects.requireNonNull(name, "path name");
      Objects.requireNonNull(points, "points of path '" + name + "'");
      if (name.isBlank()) {
        throw new IllegalArgumentException("path name must not be blank");
      }
      if (paths.containsKey(name)) {
        throw new IllegalArgumentException("duplicate path name '" + name + "'");
      }
      if (points.isEmpty()) {
        throw new IllegalArgumentException("path '" + name + "' has no points");
      }
      List<Point2D> copy = new ArrayList<>(points.size());
      for (int i = 0; i < points.size(); i++) {
        Point2D p = Objects.requireNonNull(points.get(i), "point " + i + " of path '" + name + "'");
        if (!Double.isFinite(p.getX()) || !Double.isFinite(p.getY())) {
          throw new IllegalArgumentException(
              "path '"
                  + name
                  + "' has the non-finite point ("
                  + p.getX()
                  + ", "
                  + p.getY()
                  + ") at step "
                  + i
                  + " (did the optimizer diverge?)");
        }
        copy.add(new Point2D.Double(p.getX(), p.getY()));
      }
      paths.put(name, copy);
      return this;
    }

    /** Draws these contour levels instead of the default ones. */
    public Builder levels(double... levels) {
      Objects.requireNonNull(levels, "levels");
      if (levels.length == 0) {
        throw new IllegalArgumentException("at least one contour level is needed");
      }
      for (double level : levels) {
        if (!Double.isFinite(level)) {
          throw new IllegalArgumentException("contour level must be finite, got " + level);
        }
      }
      this.levels = levels.clone();
      return this;
    }

    /** Number of default levels (see {@link ContourLines#levels(int)}); 10 unless set. */
    public Builder levelCount(int count) {
      this.levelCount = Checks.atLeast("level count", count, 1);
      return this;
    }

    /** Marks the point (x, y), usually the minimum of f, with a '+' in every panel. */
    public Builder minimum(double x, double y) {
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException("minimum must be finite, got (" + x + ", " + y + ")");
      }
      this.minimum = new Point2D.Double(x, y);
      return this;
    }

    /** The panels tiled into one figure. */
    public FigureGrid build() {
      if (paths.isEmpty()) {
        throw new IllegalStateException("an optimizer-path chart needs at least one path");
      }
      double longer = Math.max(bounds.width(), bounds.height());
      int gridColumns = Math.max(1, (int) Math.round(CONTOUR_RESOLUTION * bounds.width() / longer));
      int gridRows = Math.max(1, (int) Math.round(CONTOUR_RESOLUTION * bounds.height() / longer));
      ContourLines contours = ContourLines.sample(f, bounds, gridColumns, gridRows);
      double[] shownLevels = levels != null ? levels : contours.levels(levelCount);
      List<Polyline[]> levelSets = new ArrayList<>();
      for (double level : shownLevels) {
        levelSets.add(contours.levelSet(level).toArray(Polyline[]::new));
      }
      List<Figure> panels = new ArrayList<>();
      paths.forEach((name, points) -> panels.add(panel(name, points, shownLevels, levelSets)));
      return tile(panels);
    }

    private Figure panel(
        String name, List<Point2D> points, double[] shownLevels, List<Polyline[]> levelSets) {
      XYChart chart = ChartStyle.xyChart(panelWidth(), panelHeight(), name, "x", "y");
      for (int k = 0; k < shownLevels.length; k++) {
        Polyline[] lines = levelSets.get(k);
        if (lines.length == 0) {
          continue;
        }
        XYSeries series =
            chart.addSeries("level " + shownLevels[k], joinedXs(lines), joinedYs(lines));
        series.setLineColor(
            Palette.ramp(shownLevels.length == 1 ? 0 : RAMP_END * k / (shownLevels.length - 1)));
        series.setLineStyle(CONTOUR);
        series.setMarker(SeriesMarkers.NONE);
      }
      XYSeries path =
          chart.addSeries(
              name,
              points.stream().mapToDouble(Point2D::getX).toArray(),
              points.stream().mapToDouble(Point2D::getY).toArray());
      path.setLineColor(PATH);
      path.setLineStyle(PATH_LINE);
      path.setMarker(SeriesMarkers.CIRCLE);
      path.setMarkerColor(PATH);
      if (minimum != null) {
        addPlus(chart);
      }
      var styler = chart.getStyler();
      styler.setLegendVisible(false);
      styler.setMarkerSize(6);
      styler.setXAxisMin(bounds.xMin());
      styler.setXAxisMax(bounds.xMax());
      styler.setYAxisMin(bounds.yMin());
      styler.setYAxisMax(bounds.yMax());
      styler.setPlotContentSize(0.96);
      styler.setPlotGridLinesVisible(false);
      return XChartFigure.of(chart);
    }

    /**
     * The '+' at the minimum, drawn as two line segments rather than as an XChart marker, which is
     * as small as the path's markers and hides under them.
     */
    private void addPlus(XYChart chart) {
      double dx = PLUS_ARM * bounds.width();
      double dy = PLUS_ARM * bounds.height() * panelWidth() / panelHeight();
      double x = minimum.getX();
      double y = minimum.getY();
      XYSeries plus =
          chart.addSeries(
              "minimum",
              new double[] {x - dx, x + dx, Double.NaN, x, x},
              new double[] {y, y, Double.NaN, y - dy, y + dy});
      plus.setLineColor(Color.BLACK);
      plus.setLineStyle(PLUS_LINE);
      plus.setMarker(SeriesMarkers.NONE);
    }

    /** The x values of all lines, one NaN between consecutive lines so that XChart leaves a gap. */
    private static double[] joinedXs(Polyline[] lines) {
      return joined(lines, true);
    }

    private static double[] joinedYs(Polyline[] lines) {
      return joined(lines, false);
    }

    private static double[] joined(Polyline[] lines, boolean x) {
      int total = lines.length - 1;
      for (Polyline line : lines) {
        total += line.size();
      }
      double[] joined = new double[total];
      int at = 0;
      for (int l = 0; l < lines.length; l++) {
        if (l > 0) {
          joined[at++] = Double.NaN;
        }
        for (int p = 0; p < lines[l].size(); p++) {
          joined[at++] = x ? lines[l].x(p) : lines[l].y(p);
        }
      }
      return joined;
    }
  }
}
