package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/** Test helpers: write a figure as PNG, read it back, and look at its pixels. */
final class Pngs {

  private Pngs() {}

  /** Writes {@code figure} to {@code file}, reads it back with ImageIO and checks its size. */
  static BufferedImage writeAndRead(Figure figure, Path file, int expectedWidth, int expectedHeight)
      throws IOException {
    figure.writePng(file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, "ImageIO could not read " + file);
    assertEquals(expectedWidth, image.getWidth(), "PNG width");
    assertEquals(expectedHeight, image.getHeight(), "PNG height");
    return image;
  }

  /** Number of pixels inside {@code area} whose RGB value (0xRRGGBB) matches {@code test}. */
  static int count(BufferedImage image, Rectangle area, IntPredicate test) {
    int found = 0;
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        if (test.test(image.getRGB(x, y) & 0xffffff)) {
          found++;
        }
      }
    }
    return found;
  }

  /** Whether {@code rgb} is within {@code tolerance} of {@code target} in every channel. */
  static boolean near(int rgb, int target, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > tolerance) {
        return false;
      }
    }
    return true;
  }

  /** The gray level of a pixel whose three channels are equal; fails otherwise. */
  static int gray(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y) & 0xffffff;
    int red = rgb >> 16;
    assertEquals(
        rgb,
        red << 16 | red << 8 | red,
        "pixel (" + x + ", " + y + ") is not gray: " + Integer.toHexString(rgb));
    return red;
  }
}
