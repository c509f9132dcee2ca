package dev.tapegrad.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;

/**
 * The one look of every XY chart in this package: white background, light grid, sans-serif text.
 */
final class ChartStyle {

  private static final Color GRID = new Color(0xe4e4e4);
  private static final Color BORDER = new Color(0x888888);

  /**
   * Up to this many x values, XChart's ticks on the data values (epochs 0, 1, ..., 16) read well.
   */
  private static final int MAX_DATA_ALIGNED_TICKS = 25;

  private static final String TICK_HELPER = "\u0000round-x-ticks";

  private ChartStyle() {}

  /** A new, empty XY chart in the package's style; blank labels are left out. */
  static XYChart xyChart(int width, int height, String title, String xLabel, String yLabel) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "chart size must be positive, got " + width + "x" + height);
    }
    FigureFiles.ensureHeadless();
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(orEmpty(title))
            .xAxisTitle(orEmpty(xLabel))
            .yAxisTitle(orEmpty(yLabel))
            .build();
    XYStyler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(BORDER);
    styler.setPlotGridLinesColor(GRID);
    styler.setPlotGridLinesStroke(new BasicStroke(1f));
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleVisible(!orEmpty(title).isEmpty());
    styler.setXAxisTitleVisible(!orEmpty(xLabel).isEmpty());
    styler.setYAxisTitleVisible(!orEmpty(yLabel).isEmpty());
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setLegendBackgroundColor(new Color(255, 255, 255, 230));
    styler.setLegendBorderColor(GRID);
    styler.setSeriesColors(Palette.SERIES);
    styler.setMarkerSize(7);
    styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    styler.setChartPadding(12);
    styler.setXAxisTickMarkSpacingHint(90);
    styler.setYAxisTickMarkSpacingHint(50);
    return chart;
  }

  /**
   * Makes XChart put x ticks at round numbers (0, 500, 1,000) on a chart with many x values. When
   * all x values are equally spaced, XChart places ticks on data values instead, which gives ticks
   * such as 0, 143, 286 for 2,000 iterations; a disabled, unlisted one-point series between the
   * first two x values turns that off without drawing anything or changing the axis ranges. Call it
   * after adding the series.
   */
  static void preferRoundXTicks(XYChart chart) {
    double[] xs =
        chart.getSeriesCollection().stream()
            .flatMapToDouble(series -> Arrays.stream(series.getXData()))
            .distinct()
            .sorted()
            .toArray();
    if (xs.length <= MAX_DATA_ALIGNED_TICKS) {
      return;
    }
    XYSeries helper =
        chart.addSeries(TICK_HELPER, new double[] {(xs[0] + xs[1]) / 2}, new double[] {0});
    helper.setEnabled(false);
    helper.setShowInLegend(false);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
