package dev.tapegrad.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line charts of training curves: the loss per iteration with optional moving-average smoothing
 * (Fig 4-11), train and test accuracy per epoch (Fig 4-12), and any number of named series such as
 * the loss per optimizer (Fig 6-9). Built with {@link #builder()} or the two shortcuts {@link
 * #loss} and {@link #accuracy}.
 */
public final class LineChart {

  /**
   * Series with at most this many points get markers unless {@link Builder#markers} says otherwise.
   */
  static final int MAX_POINTS_FOR_AUTO_MARKERS = 50;

  private static final BasicStroke SOLID =
      new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f);
  private static final BasicStroke RAW =
      new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

  private LineChart() {}

  /** An empty line chart to fill with series. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The loss per iteration (Fig 4-11). With {@code smoothingWindow > 1} the raw loss is drawn
   * faintly behind its trailing moving average over that many iterations; with 1 it is drawn as it
   * is.
   */
  public static Figure loss(double[] lossPerIteration, int smoothingWindow) {
    return builder()
        .title("Training loss")
        .xLabel("iterations")
        .yLabel("loss")
        .series("loss", lossPerIteration)
        .smoothing(smoothingWindow, true)
        .build();
  }

  /** Train (solid) and test (dashed) accuracy per epoch with markers, y from 0 to 1 (Fig 4-12). */
  public static Figure accuracy(double[] trainPerEpoch, double[] testPerEpoch) {
    return builder()
        .title("Accuracy")
        .xLabel("epochs")
        .yLabel("accuracy")
        .series("train", trainPerEpoch)
        .dashedSeries("test", testPerEpoch)
        .yRange(0, 1)
        .markers(true)
        .build();
  }

  private record Series(String name, double[] x, double[] y, boolean dashed) {}

  /** Collects the series and options of one line chart. */
  public static final class Builder {
    private final List<Series> series = new ArrayList<>();
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private int width = 640;
    private int height = 420;
    private Double yMin;
    private Double yMax;
    private int window = 1;
    private boolean showRaw;
    private Boolean markers;

    private Builder() {}

    /** The title above the chart. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** The label of the x axis. */
    public Builder xLabel(String label) {
      this.xLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /** The label of the y axis. */
    public Builder yLabel(String label) {
      this.yLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /** Size of the picture in pixels (default 640 x 420). */
    public Builder size(int width, int height) {
      this.width = Checks.atLeast("chart width", width, 200);
      this.height = Checks.atLeast("chart height", height, 150);
      return this;
    }

    /** Fixes the y axis to [min, max] instead of fitting it to the data. */
    public Builder yRange(double min, double max) {
      Checks.range("y range", min, max);
      this.yMin = min;
      this.yMax = max;
      return this;
    }

    /** A series plotted against its index 0, 1, 2, ... (iteration or epoch), solid line. */
    public Builder series(String name, double[] y) {
      return add(name, null, y, false);
    }

    /** A series plotted against the given x values, solid line. */
    public Builder series(String name, double[] x, double[] y) {
      return add(name, Objects.requireNonNull(x, "x values of series '" + name + "'"), y, false);
    }

    /** A series plotted against its index, dashed line (the book's test-accuracy style). */
    public Builder dashedSeries(String name, double[] y) {
      return add(name, null, y, true);
    }

    /**
     * Draws every series as its trailing moving average over {@code window} points (1 = no
     * smoothing).
     */
    public Builder smoothing(int window) {
      return smoothing(window, false);
    }

    /**
     * Draws every series as its trailing moving average over {@code window} points; with {@code
     * showRaw} the unsmoothed values are drawn faintly behind it.
     */
    public Builder smoothing(int window, boolean showRaw) {
      this.window = Checks.atLeast("moving-average window", window, 1);
      this.showRaw = showRaw;
      return this;
    }

    /**
     * Markers on the data points, or none. Default: markers when every series has at most {@value
     * LineChart#MAX_POINTS_FOR_AUTO_MARKERS} points.
     */
    public Builder markers(boolean markers) {
      this.markers = markers;
      return this;
    }

    /** The chart as a figure. */
    public XChartFigure build() {
      if (series.isEmpty()) {
        throw new IllegalStateException("a line chart needs at least one series");
      }
      XYChart chart = ChartStyle.xyChart(width, height, title, xLabel, yLabel);
      boolean smoothed = window > 1;
      boolean withMarkers =
          markers != null
              ? markers
              : series.stream().allMatch(s -> s.y().length <= MAX_POINTS_FOR_AUTO_MARKERS);
      for (int i = 0; i < series.size(); i++) {
        Series s = series.get(i);
        Color color = Palette.series(i);
        if (smoothed && showRaw) {
          XYSeries raw = chart.addSeries(s.name() + " (raw)", s.x(), s.y());
          raw.setLineColor(Palette.withAlpha(color, 80));
          raw.setLineStyle(RAW);
          raw.setMarker(SeriesMarkers.NONE);
          raw.setShowInLegend(series.size() == 1);
        }
        String name =
            smoothed && showRaw && series.size() == 1
                ? s.name() + ", moving average of " + window
                : s.name();
        double[] y = smoothed ? MovingAverage.smooth(s.y(), window) : s.y();
        XYSeries line = chart.addSeries(name, s.x(), y);
        line.setLineColor(color);
        line.setMarkerColor(color);
        line.setLineStyle(s.dashed() ? DASHED : SOLID);
        if (!withMarkers) {
          line.setMarker(SeriesMarkers.NONE);
        }
      }
      ChartStyle.preferRoundXTicks(chart);
      var styler = chart.getStyler();
      styler.setLegendVisible(series.size() > 1 || (smoothed && showRaw));
      styler.setLegendPosition(endsHigh() ? LegendPosition.InsideSE : LegendPosition.InsideNE);
      if (yMin != null) {
        styler.setYAxisMin(yMin);
        styler.setYAxisMax(yMax);
      }
      return XChartFigure.of(chart);
    }

    private Builder add(String name, double[] x, double[] y, boolean dashed) {
      Objects.requireNonNull(name, "series name");
      Objects.requireNonNull(y, "values of series '" + name + "'");
      if (name.isBlank()) {
        throw new IllegalArgumentException("series name must not be blank");
      }
      if (series.stream().anyMatch(s -> s.name().equals(name))) {
        throw new IllegalArgumentException("duplicate series name '" + name + "'");
      }
      if (y.length == 0) {
        throw new IllegalArgumentException("series '" + name + "' has no values");
      }
      double[] xs = x != null ? x.clone() : IntStream.range(0, y.length).asDoubleStream().toArray();
      if (xs.length != y.length) {
        throw new IllegalArgumentException(
            "series '" + name + "' has " + xs.length + " x values but " + y.length + " y values");
      }
      boolean anyFinite = false;
      for (int i = 0; i < y.length; i++) {
        if (!Double.isFinite(xs[i])) {
          throw new IllegalArgumentException(
              "series '" + name + "' has x = " + xs[i] + " at index " + i);
        }
        if (Double.isInfinite(y[i])) {
          throw new IllegalArgumentException(
              "series '"
                  + name
                  + "' has y = "
                  + y[i]
                  + " at index "
                  + i
                  + " (NaN is drawn as a gap, infinity cannot be drawn)");
        }
        anyFinite |= !Double.isNaN(y[i]);
      }
      if (!anyFinite) {
        throw new IllegalArgumentException("series '" + name + "' has only NaN values");
      }
      series.add(new Series(name, xs, y.clone(), dashed));
      return this;
    }

    /**
     * Whether the curves end in the upper half of their range, so the legend belongs bottom right.
     */
    private boolean endsHigh() {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      double endSum = 0;
      int endCount = 0;
      for (Series s : series) {
        for (int i = 0; i < s.y().length; i++) {
          double v = s.y()[i];
          if (Double.isNaN(v)) {
            continue;
          }
          low = Math.min(low, v);
          high = Math.max(high, v);
          if (i >= s.y().length * 4 / 5) {
            endSum += v;
            endCount++;
          }
        }
      }
      if (yMin != null) {
        low = yMin;
        high = yMax;
      }
      return endCount > 0 && endSum / endCount > (low + high) / 2;
    }
  }
}
