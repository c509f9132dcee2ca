package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of the chapter 2-5 commands and {@code graph}: the figures exist and decode at
 * their size, diagrams carry the book's labels, printed numbers are the book's digit for digit.
 */
class Chapter2To5CommandsTest {
  @TempDir Path out;

  @Test
  void gatesDrawTheirDecisionLinesAndShadeTheZeroRegion() throws IOException {
    String printed = Cli.ok(out, "gates");
    assertTrue(printed.contains("   1  1 |  0  1 | 0"), printed); // the text output stays
    for (String gate : List.of("and", "nand", "or", "xor")) {
      BufferedImage image = png(out.resolve("gates/" + gate + ".png"), 620, 440);
      double shaded = share(image, 0xd9d9d9);
      assertTrue(shaded > 0.1, gate + ": grey 0-region covers only " + shaded);
      assertTrue(share(image, 0x1f77b4) > 0, gate + ": no circle for output 0");
      assertTrue(share(image, 0xd62728) > 0, gate + ": no triangle for output 1");
    }
    // AND and OR differ only in the bias: AND's 0-region is the larger one.
    assertTrue(
        share(png(out.resolve("gates/and.png"), 620, 440), 0xd9d9d9)
            > share(png(out.resolve("gates/or.png"), 620, 440), 0xd9d9d9));
  }

  @Test
  void forwardDrawsTheFourActivationFigures() throws IOException {
    String printed = Cli.ok(out, "forward");
    assertTrue(printed.contains("y = [0.31682708 0.69627909]"), printed);
    for (String name : List.of("step", "sigmoid", "step-sigmoid", "relu")) {
      png(out.resolve("forward/" + name + ".png"), 520, 380);
      assertTrue(printed.contains(out.resolve("forward/" + name + ".png").toString()), printed);
    }
  }

  @Test
  void numericalPrintsTheBooksChapter4Numbers() throws IOException {
    String printed =
        Cli.ok(
            out,
            "numerical",
            "--iterations",
            "3",
            "--train-size",
            "20",
            "--batch",
            "5",
            "--hidden",
            "3");
    for (String expected :
        List.of(
            "f'(5) = 0.1999999999990898",
            "f'(10) = 0.2999999999986347",
            "∂f/∂x0 = 6.00000000000378",
            "∂f/∂x1 = 7.999999999999119",
            "at [3. 4.]: [6. 8.]  (6.00000000000378, 7.999999999999119)",
            "at [0. 2.]: [0. 4.]",
            "at [3. 0.]: [6. 0.]",
            "lr 0.1   -> [-6.11110793e-10  8.14814391e-10]",
            "lr 10    -> [-2.58983747e+13 -1.29524862e+12]",
            "lr 1e-10 -> [-2.99999994  3.99999992]")) {
      assertTrue(printed.contains(expected), () -> "missing '" + expected + "' in\n" + printed);
    }
    png(out.resolve("numerical/tangent.png"), 600, 420);
    png(out.resolve("numerical/gradient-field.png"), 560, 560);
    png(out.resolve("numerical/gradient-descent.png"), 520, 600);
    List<String> path = Files.readAllLines(out.resolve("numerical/gradient-descent.csv"));
    assertEquals(22, path.size()); // header, start and 20 steps (Fig 4-10)
    assertEquals("0,-3.0,4.0", path.get(1));
    String[] last = path.get(21).split(",");
    // Each exact step multiplies x by 1 - 2·0.1 = 0.8.
    assertEquals(-3 * Math.pow(0.8, 20), Double.parseDouble(last[1]), 1e-9);
    assertEquals(4 * Math.pow(0.8, 20), Double.parseDouble(last[2]), 1e-9);
    List<String> losses = Files.readAllLines(out.resolve("numerical/train-loss.csv"));
    assertEquals(4, losses.size());
    for (String line : losses.subList(1, 4)) {
      double loss = Double.parseDouble(line.split(",")[1]);
      assertTrue(loss > 0 && loss < 5, line);
    }
    assertTrue(printed.contains("iteration   3  loss "), printed);
    assertTrue(printed.contains("accuracy: train subset "), printed);
    png(out.resolve("numerical/train-loss.png"), 600, 420);
  }

  @Test
  void numericalWithoutTrainingSkipsTheNetwork() throws IOException {
    String printed = Cli.ok(out, "numerical", "--iterations", "0");
    assertTrue(!printed.contains("TwoLayerNet"), printed);
    assertTrue(!Files.exists(out.resolve("numerical/train-loss.csv")));
  }

  @Test
  void appleGraphsShowTheBooksValuesAndGradients() throws IOException {
    String printed = Cli.ok(out, "apple");
    assertTrue(printed.contains("price: 220, dApple: 2.2, dApple_num: 110, dTax: 200"), printed);
    assertTrue(
        printed.contains(
            "price: 715, dApple: 2.2, dApple_num: 110, dOrange: 3.3, dOrange_num: 165, dTax: 650"),
        printed);
    assertTrue(
        printed.contains("as doubles: 220.00000000000003, 2.2, 110.00000000000001, 200.0"),
        printed);
    assertTrue(printed.contains("10 + 5 = 15; upstream 1.3 gives dx = 1.3, dy = 1.3"), printed);
    assertTrue(printed.contains("10 × 5 = 50; upstream 1.3 gives dx = 6.5, dy = 13"), printed);
    assertLabels(
        "apple",
        List.of(
            "apple", "apple count", "tax", "price", "100", "2", "1.1", "220", "2.2", "110", "200"));
    assertLabels(
        "apple-orange",
        List.of("orange", "orange count", "715", "650", "3.3", "165", "450", "150"));
    assertLabels("mul-node", List.of("50", "1.3", "6.5", "13"));
    assertLabels("add-node", List.of("15", "1.3"));
    assertTrue(png(out.resolve("apple/apple.png")).getWidth() > 600);
    assertTrue(png(out.resolve("apple/apple-orange.png")).getHeight() > 400);
  }

  @Test
  void graphDrawsATwoLayerNetByLayer() throws IOException {
    String printed = Cli.ok(out, "graph");
    assertTrue(printed.contains("TwoLayerNet, 2 samples, layer level"), printed);
    BufferedImage image = png(out.resolve("graph/two-layer-layer.png"));
    assertTrue(image.getWidth() > 1000 && image.getWidth() <= 4000, "width " + image.getWidth());
  }

  @Test
  void graphDrawsEveryOpOfTheSimpleConvNet() throws IOException {
    Cli.ok(out, "graph", "--net", "simple-conv", "--level", "op", "--format", "svg");
    String svg = Files.readString(out.resolve("graph/simple-conv-op.svg"));
    for (String label :
        List.of(
            ">conv2d<",
            ">Conv1<",
            ">Conv1.W<",
            ">(2,1,28,28)<",
            ">(2,30,24,24)<",
            ">loss<",
            ">affine<",
            ">Affine1.W<",
            ">Affine2.b<")) {
      assertTrue(svg.contains(label), label);
    }
    assertFalse(svg.contains(">dot<"), "each Affine layer is one fused affine node");
    Cli.ok(out, "graph", "--net", "simple-conv", "--format", "dot", "--batch", "3");
    String dot = Files.readString(out.resolve("graph/simple-conv-layer.dot"));
    assertTrue(
        dot.contains("Pool1") && dot.contains("(3,30,12,12)") && !dot.contains("im2col"), dot);
  }

  @Test
  void graphOpensChosenLayersOfTheDeepConvNet() throws IOException {
    Cli.ok(out, "graph", "--net", "deep-conv", "--expand", "Conv1", "--format", "svg");
    String svg = Files.readString(out.resolve("graph/deep-conv-layer-expand-Conv1.svg"));
    assertTrue(svg.contains(">conv2d<") && svg.contains(">Conv6<") && svg.contains(">Dropout2<"));
  }

  @Test
  void graphRefusesUnreadablePicturesAndBadOptions() {
    Cli.Result wide =
        Cli.run(out, "graph", "--net", "deep-conv", "--level", "op", "--max-width", "4000");
    assertNotEquals(0, wide.exitCode());
    assertTrue(wide.err().contains("--max-width 4000"), wide.err());
    assertTrue(!Files.exists(out.resolve("graph/deep-conv-op.png")));
    Cli.Result level = Cli.run(out, "graph", "--level", "cell");
    assertTrue(level.err().contains("unknown level 'cell'; choose layer or op"), level.err());
    Cli.Result expand = Cli.run(out, "graph", "--expand", "Conv9");
    assertTrue(expand.err().contains("--expand: no layer 'Conv9'"), expand.err());
    Cli.Result format = Cli.run(out, "graph", "--format", "gif");
    assertTrue(format.err().contains("unknown format 'gif'"), format.err());
  }

  private void assertLabels(String graph, List<String> labels) throws IOException {
    String dot = Files.readString(out.resolve("apple/" + graph + ".dot"));
    String svg = Files.readString(out.resolve("apple/" + graph + ".svg"));
    for (String label : labels) {
      boolean inDot = dot.contains("\"" + label + "\"") || dot.contains(">" + label + "<");
      assertTrue(inDot, () -> graph + ".dot lacks " + label + ":\n" + dot);
      assertTrue(svg.contains(">" + label + "</text>"), () -> graph + ".svg lacks " + label);
    }
    png(out.resolve("apple/" + graph + ".png"));
  }

  /** Decodes a PNG. */
  private static BufferedImage png(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, file + " is not a readable image");
    return image;
  }

  /** Decodes a PNG and checks its size. */
  private static BufferedImage png(Path file, int width, int height) throws IOException {
    BufferedImage image = png(file);
    assertEquals(width, image.getWidth(), file + " width");
    assertEquals(height, image.getHeight(), file + " height");
    return image;
  }

  /** The fraction of pixels of exactly this RGB colour. */
  private static double share(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return (double) count / ((long) image.getWidth() * image.getHeight());
  }
}
