package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramChartTest {

  @TempDir Path folder;

  @Test
  void fiveLayersSideBySideUnderATitle() throws IOException {
    Random rng = new Random(610);
    HistogramChart.Builder builder = HistogramChart.builder().title("sigmoid, std 1");
    for (int layer = 1; layer <= 5; layer++) {
      double spread = layer;
      builder.panel(
          layer + "-layer",
          rng.doubles(5000).map(v -> 1 / (1 + Math.exp(-spread * (v - 0.5) * 8))).toArray());
    }
    FigureGrid figure = builder.build();

    assertEquals(1, figure.rows());
    assertEquals(5, figure.columns());
    BufferedImage image =
        Pngs.writeAndRead(
            figure, folder.resolve("histograms.png"), 5 * 260, FigureTitle.HEIGHT + 240);
    for (int panel = 0; panel < 5; panel++) {
      Rectangle cell = figure.cellBounds(panel);
      int bars = Pngs.count(image, cell, rgb -> Pngs.near(rgb, 0x3a88c0, 40));
      assertTrue(bars > 1000, "panel " + panel + " shows filled bars, found " + bars);
    }
  }

  @Test
  void panelsCanWrapIntoRows() throws IOException {
    FigureGrid figure =
        HistogramChart.builder()
            .bins(10)
            .range(-1, 1)
            .columns(2)
            .panelSize(200, 150)
            .panel("a", new double[] {0})
            .panel("b", new double[] {0.5})
            .panel("c", new double[] {-0.5})
            .build();
    assertEquals(2, figure.rows());
    Pngs.writeAndRead(figure, folder.resolve("wrapped.png"), 400, 300);
  }

  @Test
  void rejectsBadOptions() {
    assertThrows(IllegalStateException.class, () -> HistogramChart.builder().build());
    assertThrows(IllegalArgumentException.class, () -> HistogramChart.builder().bins(0));
    assertThrows(IllegalArgumentException.class, () -> HistogramChart.builder().range(1, 0));
  }
}
