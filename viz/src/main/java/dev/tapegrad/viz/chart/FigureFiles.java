package dev.tapegrad.viz.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.tapegrad.autograd.io.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Renders figures to images and writes them as PNG or SVG files, headless and atomically. */
final class FigureFiles {

  static {
    ensureHeadless();
  }

  private FigureFiles() {}

  /**
   * Chooses headless AWT unless the application already chose; called before any chart object (and
   * so any AWT font or graphics state) is created.
   */
  static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static BufferedImage render(Figure figure) {
    BufferedImage image =
        new BufferedImage(checkedWidth(figure), checkedHeight(figure), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      figure.paint(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  static void writePng(Figure figure, Path file) throws IOException {
    BufferedImage image = render(figure);
    AtomicFile.write(
        file,
        out -> {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available in this JVM (javax.imageio)");
          }
        });
  }

  static void writeSvg(Figure figure, Path file) throws IOException {
    int width = checkedWidth(figure);
    int height = checkedHeight(figure);
    VectorGraphics2D g = new VectorGraphics2D();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    figure.paint(g);
    g.dispose();
    var document =
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
    AtomicFile.write(file, document::writeTo);
  }

  private static int checkedWidth(Figure figure) {
    if (figure.width() <= 0) {
      throw new IllegalArgumentException("figure width must be positive, got " + figure.width());
    }
    return figure.width();
  }

  private static int checkedHeight(Figure figure) {
    if (figure.height() <= 0) {
      throw new IllegalArgumentException("figure height must be positive, got " + figure.height());
    }
    return figure.height();
  }
}
