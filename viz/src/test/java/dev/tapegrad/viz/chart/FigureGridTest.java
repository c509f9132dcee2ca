package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureGridTest {

  @TempDir Path folder;

  /** A figure filled with one colour. */
  private record Solid(int width, int height, Color color) implements Figure {
    @Override
    public void paint(Graphics2D g) {
      g.setColor(color);
      g.fillRect(0, 0, width, height);
    }
  }

  @Test
  void tilesFiguresRowByRowInCellsAsLargeAsTheLargestFigure() throws IOException {
    List<Figure> figures =
        List.of(
            new Solid(100, 50, Color.RED),
            new Solid(80, 40, Color.GREEN),
            new Solid(100, 50, Color.BLUE));
    FigureGrid grid = FigureGrid.of(2, figures);

    assertEquals(2, grid.rows());
    assertEquals(new Rectangle(100, 0, 100, 50), grid.cellBounds(1));
    assertEquals(new Rectangle(0, 50, 100, 50), grid.cellBounds(2));
    BufferedImage image = Pngs.writeAndRead(grid, folder.resolve("grid.png"), 200, 100);
    assertEquals(0xff0000, image.getRGB(0, 0) & 0xffffff);
    assertEquals(0xff0000, image.getRGB(99, 49) & 0xffffff);
    // the smaller green figure is centred: x 110..189, y 5..44
    assertEquals(0xffffff, image.getRGB(105, 2) & 0xffffff);
    assertEquals(0x00ff00, image.getRGB(110, 5) & 0xffffff);
    assertEquals(0x00ff00, image.getRGB(189, 44) & 0xffffff);
    assertEquals(0xffffff, image.getRGB(195, 47) & 0xffffff);
    assertEquals(0x0000ff, image.getRGB(50, 75) & 0xffffff);
    assertEquals(0xffffff, image.getRGB(150, 75) & 0xffffff, "the empty fourth cell is white");
  }

  @Test
  void aTitleAddsABandOnTop() throws IOException {
    FigureGrid grid =
        FigureGrid.of(
            3, "Title", List.of(new Solid(60, 40, Color.RED), new Solid(60, 40, Color.BLUE)));

    assertEquals(2, grid.columns(), "never more columns than figures");
    int band = FigureTitle.HEIGHT;
    assertEquals(new Rectangle(60, band, 60, 40), grid.cellBounds(1));
    BufferedImage image = Pngs.writeAndRead(grid, folder.resolve("titled.png"), 120, band + 40);
    assertEquals(0x0000ff, image.getRGB(60, band) & 0xffffff);
    assertEquals(0xffffff, image.getRGB(60, band - 1) & 0xffffff);
    int dark = Pngs.count(image, new Rectangle(0, 0, 120, band), rgb -> (rgb & 0xff) < 128);
    assertEquals(true, dark > 20, "the title is drawn in the band");
  }

  @Test
  void rejectsNoFiguresAndNoColumns() {
    assertThrows(IllegalArgumentException.class, () -> FigureGrid.of(2, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> FigureGrid.of(0, List.of(new Solid(1, 1, Color.RED))));
  }
}
