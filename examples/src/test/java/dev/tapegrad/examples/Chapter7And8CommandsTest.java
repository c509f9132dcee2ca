package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filters} (Fig 7-24) and {@code misclassified} (Fig 8-2) end to end, on small settings. */
class Chapter7And8CommandsTest {
  @TempDir Path out;

  private static BufferedImage png(Path file) throws IOException {
    assertTrue(Files.isRegularFile(file), file + " exists");
    return ImageIO.read(file.toFile());
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void filtersBeforeAndAfterTrainingHere() throws IOException {
    String printed = Cli.ok(out, "filters", "--epochs", "1", "--train-size", "200");
    assertTrue(printed.contains("training SimpleConvNet on 200 images"), printed);
    BufferedImage before = png(out.resolve("filters/before.png"));
    BufferedImage after = png(out.resolve("filters/after.png"));
    // 30 filters of 5x5 in rows of 10, each pixel a 12x12 block, under a title
    assertEquals(674, before.getWidth());
    assertEquals(before.getWidth(), after.getWidth());
    assertEquals(before.getHeight(), after.getHeight());
    assertFalse(Arrays.equals(pixels(before), pixels(after)), "training changed the filters");
  }

  @Test
  void filtersOfTheBooksTrainedNetwork() throws IOException {
    String printed = Cli.ok(out, "filters", "--weights");
    // the range of W1 in params.pkl, by NumPy: -0.4090 and 0.2718
    assertTrue(
        printed.contains(
            "Conv1 filters trained by the book: params.pkl: values from -0.4090 to 0.2718"),
        printed);
    assertEquals(674, png(out.resolve("filters/after.png")).getWidth());
  }

  @Test
  void filtersRejectAMissingWeightsFile() {
    Cli.Result r = Cli.run(out, "filters", "--weights", out.resolve("nothing.pkl").toString());
    assertNotEquals(0, r.exitCode());
    assertEquals("filters: --weights " + out.resolve("nothing.pkl") + ": no such file\n", r.err());
  }

  @Test
  void misclassifiedByTheBooksDeepConvNet() throws IOException {
    String printed = Cli.ok(out, "misclassified", "--limit", "500");
    assertTrue(printed.contains("17 of 500 test digits misclassified (accuracy 0.9660)"), printed);
    List<String> csv = Files.readAllLines(out.resolve("misclassified/book-ch8.csv"));
    assertEquals("index,label,predicted", csv.get(0));
    // NumPy's misclassified indices among the first 500 (book_nets_check.py's forward pass)
    assertEquals(
        List.of(20, 39, 217, 243, 265, 304, 311, 315, 349, 400, 415, 434, 447, 452, 454, 455, 456),
        csv.stream().skip(1).map(l -> Integer.valueOf(l.split(",")[0])).toList());
    assertEquals("20,6,5", csv.get(1)); // a 6 read as 5, the first digit in the grid
    BufferedImage grid = png(out.resolve("misclassified/book-ch8.png"));
    assertEquals(464, grid.getWidth()); // 5 columns of 84-pixel digits
    assertTrue(grid.getHeight() > 4 * 84, "17 digits take 4 rows");
  }

  @Test
  void misclassifiedNamesFashionMnistsClasses() throws IOException {
    String printed =
        Cli.ok(out, "misclassified", "--classes", "fashion", "--limit", "500", "--count", "5");
    // the embedded digits read as clothes: each index is captioned with its label's name
    assertTrue(printed.contains("17 of 500 test images misclassified"), printed);
    String listed =
        printed.lines().filter(l -> l.startsWith("first misclassified")).findFirst().orElseThrow();
    List<String> names =
        List.of(
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot");
    Matcher pair = Pattern.compile("\\d+: ([^,]+) \u2192 ([^,]+)").matcher(listed);
    int pairs = 0;
    while (pair.find()) {
      assertTrue(names.contains(pair.group(1)) && names.contains(pair.group(2)), listed);
      pairs++;
    }
    assertEquals(5, pairs, listed);
    assertTrue(listed.contains("20: Shirt \u2192 Sandal"), listed); // a 6 read as 5
    // "Ankle boot → T-shirt/top" needs wider columns than "9 → 4"
    assertTrue(png(out.resolve("misclassified/book-ch8.png")).getWidth() > 464);
  }

  @Test
  void misclassifiedNeedsAPositiveCount() {
    Cli.Result r = Cli.run(out, "misclassified", "--count", "0");
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("--count must be at least 1, got 0"), r.err());
    Cli.Result classes = Cli.run(out, "misclassified", "--classes", "clothes");
    assertEquals(2, classes.exitCode());
    assertTrue(
        classes.err().contains("--classes must be digits or fashion, got clothes"), classes.err());
  }
}
