package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class FigureFilesTest {

  @TempDir Path folder;

  /** A figure of the given size painted by {@code painter}. */
  private record Painted(int width, int height, Consumer<Graphics2D> painter) implements Figure {
    @Override
    public void paint(Graphics2D g) {
      painter.accept(g);
    }
  }

  /** A 40x30 figure: white, with a red 10x10 square at (5, 5). */
  private static final Figure SQUARE =
      new Painted(
          40,
          30,
          g -> {
            g.setColor(Color.RED);
            g.fillRect(5, 5, 10, 10);
          });

  @Test
  void pngHasTheFigureSizeAndPixels() throws IOException {
    BufferedImage image =
        Pngs.writeAndRead(SQUARE, folder.resolve("nested/dir/square.png"), 40, 30);
    assertEquals(0xff0000, image.getRGB(5, 5) & 0xffffff);
    assertEquals(0xff0000, image.getRGB(14, 14) & 0xffffff);
    assertEquals(0xffffff, image.getRGB(15, 15) & 0xffffff, "background is white");
    BufferedImage rendered = SQUARE.toImage();
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        assertEquals(rendered.getRGB(x, y), image.getRGB(x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void svgIsWellFormedWithTheFigureSizeInPixels() throws Exception {
    Path file = folder.resolve("square.svg");
    SQUARE.writeSvg(file);

    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element svg = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    assertEquals("svg", svg.getTagName());
    assertEquals("40px", svg.getAttribute("width"));
    assertEquals("30px", svg.getAttribute("height"));
    assertTrue(Files.readString(file).contains("rgb(255,0,0)"), "the red square is in the SVG");
  }

  @Test
  void aFailedWriteLeavesTheExistingFileAndNoTemporaryFile() throws IOException {
    Path file = folder.resolve("keep.png");
    SQUARE.writePng(file);
    byte[] before = Files.readAllBytes(file);
    Figure broken =
        new Painted(
            10,
            10,
            g -> {
              throw new IllegalStateException("boom");
            });

    assertThrows(IllegalStateException.class, () -> broken.writePng(file));
    assertThrows(IllegalStateException.class, () -> broken.writeSvg(file));
    assertArrayEquals(before, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(1, files.count(), "only keep.png is left");
    }
  }

  @Test
  void aWriteThatFailsWhileStreamingAlsoLeavesNoTemporaryFile() throws IOException {
    Path occupied = folder.resolve("occupied");
    Files.createDirectory(occupied);
    Files.writeString(occupied.resolve("inside.txt"), "x");

    // the move onto a non-empty directory fails after the content was written
    assertThrows(IOException.class, () -> SQUARE.writePng(occupied));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(1, files.count(), "only the directory is left");
    }
  }

  @Test
  void rejectsAnEmptyFigure() {
    Figure empty = new Painted(0, 5, g -> {});
    var error = assertThrows(IllegalArgumentException.class, empty::toImage);
    assertTrue(error.getMessage().contains("width"), error.getMessage());
  }
}
