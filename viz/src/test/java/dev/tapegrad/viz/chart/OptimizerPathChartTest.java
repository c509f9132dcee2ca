package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerPathChartTest {

  private static final DoubleBinaryOperator BOOK = (x, y) -> x * x / 20 + y * y;
  private static final Bounds BOUNDS = new Bounds(-10, 10, -5, 5);

  @TempDir Path folder;

  /** Gradient descent on the book's function from (-7, 2): the gradient is (x/10, 2y). */
  private static List<Point2D> descent(double learningRate, int steps) {
    List<Point2D> path = new ArrayList<>();
    double x = -7;
    double y = 2;
    for (int i = 0; i < steps; i++) {
      path.add(new Point2D.Double(x, y));
      double gx = x / 10;
      double gy = 2 * y;
      x -= learningRate * gx;
      y -= learningRate * gy;
    }
    return path;
  }

  @Test
  void fourPathsMakeATwoByTwoPanelWithARedPathInEachPanel() throws IOException {
    FigureGrid figure =
        OptimizerPathChart.builder(BOOK, BOUNDS)
            .minimum(0, 0)
            .path("SGD", descent(0.95, 30))
            .path("slow", descent(0.1, 30))
            .path("medium", descent(0.3, 30))
            .path("fast", descent(0.45, 30))
            .build();

    assertEquals(2, figure.rows());
    assertEquals(2, figure.columns());
    BufferedImage image = Pngs.writeAndRead(figure, folder.resolve("paths.png"), 960, 640);
    for (int panel = 0; panel < 4; panel++) {
      Rectangle cell = figure.cellBounds(panel);
      int red = Pngs.count(image, cell, rgb -> Pngs.near(rgb, 0xd62728, 30));
      assertTrue(
          red > 200, "panel " + panel + " shows the path in red, found " + red + " red pixels");
      int contour =
          Pngs.count(
              image, cell, rgb -> Pngs.near(rgb, 0x440154, 40) || Pngs.near(rgb, 0x21918c, 40));
      assertTrue(contour > 200, "panel " + panel + " shows contour lines, found " + contour);
    }
  }

  @Test
  void givenLevelsReplaceTheDefaultOnesAndOnePathMakesOnePanel() throws IOException {
    FigureGrid figure =
        OptimizerPathChart.builder(BOOK, BOUNDS)
            .levels(1, 4)
            .path("SGD", descent(0.95, 5))
            .panelSize(400, 300)
            .build();
    Pngs.writeAndRead(figure, folder.resolve("one.png"), 400, 300);
  }

  @Test
  void rejectsADivergedPathNamingTheStep() {
    List<Point2D> diverged = new ArrayList<>(descent(0.95, 3));
    diverged.add(new Point2D.Double(Double.NaN, 1));
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> OptimizerPathChart.builder(BOOK, BOUNDS).path("SGD", diverged));
    assertTrue(
        error.getMessage().contains("'SGD'") && error.getMessage().contains("step 3"),
        error.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> OptimizerPathChart.builder(BOOK, BOUNDS).path("SGD", List.of()));
    assertThrows(
        IllegalStateException.class, () -> OptimizerPathChart.builder(BOOK, BOUNDS).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> OptimizerPathChart.builder(BOOK, BOUNDS).levels(Double.NaN));
  }
}
