package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LineChartTest {

  @TempDir Path folder;

  private static double[] noisyLoss(int iterations, long seed) {
    Random rng = new Random(seed);
    double[] loss = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      loss[i] = 2.3 * Math.exp(-i / 300.0) + 0.1 + 0.2 * Math.abs(rng.nextGaussian());
    }
    return loss;
  }

  @Test
  void lossChartDrawsTheRawLossBehindItsMovingAverage() throws IOException {
    double[] loss = noisyLoss(1000, 411);
    XChartFigure figure = (XChartFigure) LineChart.loss(loss, 25);

    XYChart chart = (XYChart) figure.chart();
    XYSeries raw = chart.getSeries("loss (raw)");
    XYSeries smooth = chart.getSeries("loss, moving average of 25");
    assertArrayEquals(loss, raw.getYData());
    assertArrayEquals(MovingAverage.smooth(loss, 25), smooth.getYData());
    assertEquals(0, smooth.getXData()[0]);
    assertEquals(999, smooth.getXData()[999], "x is the iteration index");
    BufferedImage image = Pngs.writeAndRead(figure, folder.resolve("loss.png"), 640, 420);
    int seriesBlue =
        Pngs.count(image, new Rectangle(0, 0, 640, 420), rgb -> Pngs.near(rgb, 0x1f77b4, 12));
    assertTrue(
        seriesBlue > 300,
        "the smoothed curve is drawn in the first series colour, found " + seriesBlue);
  }

  @Test
  void withoutSmoothingTheLossIsDrawnAsItIs() {
    double[] loss = noisyLoss(50, 1);
    XYChart chart = (XYChart) ((XChartFigure) LineChart.loss(loss, 1)).chart();
    assertArrayEquals(loss, chart.getSeries("loss").getYData());
    assertFalse(chart.getStyler().isLegendVisible(), "one curve needs no legend");
  }

  @Test
  void accuracyChartHasTrainAndTestWithMarkersFromZeroToOne() throws IOException {
    double[] train = {0.0986, 0.78, 0.87, 0.89, 0.9, 0.91, 0.92, 0.93};
    double[] test = {0.0958, 0.79, 0.87, 0.89, 0.9, 0.91, 0.915, 0.925};
    XChartFigure figure = (XChartFigure) LineChart.accuracy(train, test);

    XYChart chart = (XYChart) figure.chart();
    assertArrayEquals(train, chart.getSeries("train").getYData());
    assertArrayEquals(test, chart.getSeries("test").getYData());
    assertEquals(0.0, chart.getStyler().getYAxisMin());
    assertEquals(1.0, chart.getStyler().getYAxisMax());
    BufferedImage image = Pngs.writeAndRead(figure, folder.resolve("accuracy.png"), 640, 420);
    Rectangle all = new Rectangle(0, 0, 640, 420);
    assertTrue(Pngs.count(image, all, rgb -> Pngs.near(rgb, 0x1f77b4, 12)) > 200, "train curve");
    assertTrue(Pngs.count(image, all, rgb -> Pngs.near(rgb, 0xff7f0e, 12)) > 200, "test curve");
  }

  @Test
  void namedSeriesAreSmoothedAlikeAndCanHaveTheirOwnXValues() throws IOException {
    double[] sgd = noisyLoss(400, 2);
    double[] adam = noisyLoss(400, 3);
    double[] every10 = new double[40];
    double[] check = new double[40];
    for (int i = 0; i < 40; i++) {
      every10[i] = 10 * i;
      check[i] = 1.0 / (i + 1);
    }
    XChartFigure figure =
        LineChart.builder()
            .title("optimizers")
            .xLabel("iterations")
            .yLabel("loss")
            .series("SGD", sgd)
            .series("Adam", adam)
            .series("check", every10, check)
            .smoothing(10)
            .yRange(0, 1)
            .size(800, 500)
            .build();

    XYChart chart = (XYChart) figure.chart();
    assertArrayEquals(MovingAverage.smooth(sgd, 10), chart.getSeries("SGD").getYData());
    assertArrayEquals(MovingAverage.smooth(adam, 10), chart.getSeries("Adam").getYData());
    assertArrayEquals(every10, chart.getSeries("check").getXData());
    assertTrue(chart.getStyler().isLegendVisible());
    Pngs.writeAndRead(figure, folder.resolve("optimizers.png"), 800, 500);
  }

  @Test
  void rejectsBadSeriesWithMessagesThatNameThem() {
    LineChart.Builder builder = LineChart.builder().series("a", new double[] {1, 2});
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> builder.series("a", new double[] {1}))
            .getMessage()
            .contains("duplicate series name 'a'"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> builder.series("b", new double[0]))
            .getMessage()
            .contains("'b' has no values"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> builder.series("c", new double[] {1, 2}, new double[] {1}))
            .getMessage()
            .contains("2 x values but 1 y"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> builder.series("d", new double[] {1, Double.POSITIVE_INFINITY}))
            .getMessage()
            .contains("index 1"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> builder.series("e", new double[] {Double.NaN}))
            .getMessage()
            .contains("only NaN"));
    assertThrows(IllegalArgumentException.class, () -> builder.yRange(1, 0));
    assertThrows(IllegalArgumentException.class, () -> builder.smoothing(0));
    assertThrows(IllegalStateException.class, () -> LineChart.builder().build());
  }

  @Test
  void aNanLossIsAGapNotAnError() throws IOException {
    double[] loss = noisyLoss(100, 5);
    loss[40] = Double.NaN;
    Pngs.writeAndRead(LineChart.loss(loss, 1), folder.resolve("gap.png"), 640, 420);
  }
}
