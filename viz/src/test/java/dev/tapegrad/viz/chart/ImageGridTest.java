package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

  @TempDir Path folder;

  /** A 2x3 tile 0 1 2 / 3 4 5 plus a shift: min at (row 0, col 0), max at (row 1, col 2). */
  private static double[] ramp(double shift) {
    return new double[] {shift, shift + 1, shift + 2, shift + 3, shift + 4, shift + 5};
  }

  @Test
  void placesTilesAtTheComputedPositions() {
    // margin 10, tile 3 wide x 2 high at scale 5 = 15 x 10 px, gap 6, 2 columns, no captions
    ImageGrid grid =
        ImageGrid.builder(2, 3)
            .tile(ramp(0))
            .tile(ramp(10))
            .tile(ramp(-4))
            .scale(5)
            .gap(6)
            .columns(2)
            .build();

    assertEquals(new Rectangle(10, 10, 15, 10), grid.tileBounds(0));
    assertEquals(new Rectangle(31, 10, 15, 10), grid.tileBounds(1));
    assertEquals(new Rectangle(10, 26, 15, 10), grid.tileBounds(2));
    assertEquals(10 + 15 + 6 + 15 + 10, grid.width());
    assertEquals(10 + 10 + 6 + 10 + 10, grid.height());
  }

  @Test
  void eachTileRunsFromBlackAtItsMinimumToWhiteAtItsMaximum() throws IOException {
    ImageGrid grid =
        ImageGrid.builder(2, 3)
            .tile(ramp(0))
            .tile(ramp(10))
            .tile(ramp(-4))
            .scale(5)
            .gap(6)
            .columns(2)
            .build();
    BufferedImage image =
        Pngs.writeAndRead(grid, folder.resolve("grid.png"), grid.width(), grid.height());

    for (int t = 0; t < 3; t++) {
      Rectangle tile = grid.tileBounds(t);
      // every source pixel is a 5x5 block; sample each block's corners and centre
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 3; c++) {
          int expected = (int) Math.round(255 * (r * 3 + c) / 5.0);
          for (int[] offset : new int[][] {{0, 0}, {4, 4}, {2, 2}, {4, 0}}) {
            int x = tile.x + c * 5 + offset[0];
            int y = tile.y + r * 5 + offset[1];
            assertEquals(
                expected, Pngs.gray(image, x, y), "tile " + t + " pixel (" + r + ", " + c + ")");
          }
        }
      }
    }
    assertEquals(0, Pngs.gray(image, 11, 11), "top-left block of tile 0 (its minimum) is black");
    assertEquals(
        255,
        Pngs.gray(image, 10 + 2 * 5 + 1, 10 + 5 + 1),
        "bottom-right block of tile 0 (its maximum) is white");
    assertEquals(255, Pngs.gray(image, 3, 3), "margin is white");
  }

  @Test
  void aFixedRangeClampsAndInversionSwapsBlackAndWhite() {
    double[] values = {-1, 0, 0.5, 1, 2, 0.25};
    BufferedImage fixed =
        ImageGrid.builder(2, 3).tile(values).scale(1).range(0, 1).build().toImage();
    BufferedImage inverted =
        ImageGrid.builder(2, 3).tile(values).scale(1).range(0, 1).inverted(true).build().toImage();
    int[] expected = {0, 0, 128, 255, 255, 64};
    int[] expectedInverted = {255, 255, 128, 0, 0, 191};
    for (int i = 0; i < 6; i++) {
      int x = 10 + i % 3;
      int y = 10 + i / 3;
      assertEquals(expected[i], Pngs.gray(fixed, x, y), "value " + values[i]);
      assertEquals(expectedInverted[i], Pngs.gray(inverted, x, y), "inverted value " + values[i]);
    }
  }

  @Test
  void aConstantTileIsMidGray() {
    BufferedImage image = ImageGrid.builder(1, 1).tile(new double[] {3}).scale(2).build().toImage();
    assertEquals(128, Pngs.gray(image, 10, 10));
  }

  @Test
  void thirtyFiveByFiveFiltersMakeThreeRowsOfTen() throws IOException {
    Random rng = new Random(724);
    double[] weights = rng.doubles(30 * 25).map(v -> v * 0.02 - 0.01).toArray();
    ImageGrid grid = ImageGrid.filters(weights, 30, 5, 5);

    assertEquals(10, grid.columns());
    Rectangle first = grid.tileBounds(0);
    Rectangle last = grid.tileBounds(29);
    assertEquals(first.x + 9 * (last.x - first.x) / 9, last.x);
    assertEquals(
        2, (last.y - first.y) / (grid.tileBounds(10).y - first.y), "tile 29 is in the third row");
    BufferedImage image =
        Pngs.writeAndRead(grid, folder.resolve("filters.png"), grid.width(), grid.height());
    for (int t : new int[] {0, 17, 29}) {
      int maxIndex = 0;
      int minIndex = 0;
      for (int i = 0; i < 25; i++) {
        maxIndex = weights[t * 25 + i] > weights[t * 25 + maxIndex] ? i : maxIndex;
        minIndex = weights[t * 25 + i] < weights[t * 25 + minIndex] ? i : minIndex;
      }
      Rectangle tile = grid.tileBounds(t);
      int block = tile.width / 5;
      assertEquals(
          255,
          Pngs.gray(image, tile.x + maxIndex % 5 * block + 1, tile.y + maxIndex / 5 * block + 1),
          "max of filter " + t);
      assertEquals(
          0,
          Pngs.gray(image, tile.x + minIndex % 5 * block + 1, tile.y + minIndex / 5 * block + 1),
          "min of filter " + t);
    }
  }

  @Test
  void misclassifiedDigitsGetACaptionUnderEachTile() throws IOException {
    Random rng = new Random(84);
    List<double[]> images = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      images.add(rng.doubles(28 * 28).toArray());
    }
    int[] labels = {7, 2, 1, 0, 4, 1, 4};
    int[] predicted = {1, 7, 7, 6, 9, 8, 9};
    ImageGrid grid = ImageGrid.misclassified(images, 28, 28, labels, predicted);

    assertEquals(5, grid.columns());
    BufferedImage image =
        Pngs.writeAndRead(grid, folder.resolve("digits.png"), grid.width(), grid.height());
    for (int t = 0; t < 7; t++) {
      Rectangle tile = grid.tileBounds(t);
      Rectangle caption =
          new Rectangle(
              tile.x,
              tile.y + tile.height + 2,
              tile.width,
              grid.tileBounds(5).y - grid.tileBounds(0).y - tile.height - 8);
      assertTrue(
          Pngs.count(image, caption, rgb -> (rgb & 0xff) < 100) > 20,
          "caption text under tile " + t);
    }
    Rectangle nextRow = grid.tileBounds(5);
    assertTrue(nextRow.y >= grid.tileBounds(0).y + 84 + 14, "room for the caption between rows");
  }

  @Test
  void rejectsBadTiles() {
    var wrongSize =
        assertThrows(
            IllegalArgumentException.class, () -> ImageGrid.builder(2, 2).tile(new double[3]));
    assertTrue(wrongSize.getMessage().contains("expected 2x2"), wrongSize.getMessage());
    var nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> ImageGrid.builder(1, 2).tile(new double[] {0, Double.NaN}));
    assertTrue(nan.getMessage().contains("row 0, column 1"), nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.filters(new double[24], 1, 5, 5));
    assertThrows(
        IllegalArgumentException.class,
        () -> ImageGrid.misclassified(List.of(new double[4]), 2, 2, new int[] {1}, new int[0]));
    assertThrows(IllegalStateException.class, () -> ImageGrid.builder(2, 2).build());
  }
}
