package dev.tapegrad.viz.diagram.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.viz.diagram.BookGraphs;
import dev.tapegrad.viz.diagram.Diagram;
import dev.tapegrad.viz.diagram.Level;
import dev.tapegrad.viz.diagram.layout.DiagramLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless PNG through GraphStream: size from the layout, gradients drawn in red. */
class PngWriterTest {
  @TempDir Path dir;

  private static Diagram twoLayerNet() {
    Tape tape = Tape.record();
    try {
      BookGraphs.twoLayerNet(tape);
    } finally {
      tape.close();
    }
    return Diagram.of(tape).level(Level.LAYER);
  }

  @Test
  void pngHasTheLayoutSizeAndRedGradients() throws IOException {
    Diagram d = twoLayerNet();
    DiagramLayout layout = d.layout();
    Path file = dir.resolve("net.png");
    d.writePng(file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals((int) Math.ceil(layout.width()), image.getWidth());
    assertEquals((int) Math.ceil(layout.height()), image.getHeight());
    int red = 0;
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        red += r > 150 && g < 90 && b < 90 ? 1 : 0;
        dark += r < 80 && g < 80 && b < 80 ? 1 : 0;
      }
    }
    assertTrue(red > 50, "gradient labels in red: " + red + " pixels");
    assertTrue(dark > 500, "edges, nodes and values in black: " + dark + " pixels");
  }

  @Test
  void scaleMultipliesThePixelSize() throws IOException {
    Diagram d = twoLayerNet();
    DiagramLayout layout = d.layout();
    Path file = dir.resolve("net2.png");
    d.writePng(file, 2);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals((int) Math.ceil(layout.width() * 2), image.getWidth());
    assertEquals((int) Math.ceil(layout.height() * 2), image.getHeight());
  }

  @Test
  void badScaleIsRejectedAndTheOldFileKept() throws IOException {
    Path file = dir.resolve("keep.png");
    Files.writeString(file, "old");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> twoLayerNet().writePng(file, 0));
    assertTrue(e.getMessage().contains("scale"), e.getMessage());
    assertEquals("old", Files.readString(file));
  }

  @Test
  void svgAndDotFilesAreWrittenInUtf8() throws IOException {
    Diagram d = twoLayerNet();
    d.writeSvg(dir.resolve("n.svg"));
    d.writeDot(dir.resolve("n.dot"));
    assertEquals(d.toSvg(), Files.readString(dir.resolve("n.svg")));
    assertEquals(d.toDot(), Files.readString(dir.resolve("n.dot")));
  }
}
