package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End-to-end runs of the chapter 6 commands on tiny settings: the files exist with the expected
 * sizes and shapes, the printed numbers are the book's where it has them, and seeds reproduce.
 */
class Chapter6CommandsTest {
  /** Height of the title band a FigureGrid puts above its panels. */
  private static final int TITLE = 34;

  @TempDir Path out;

  @Test
  void optimizerPathsEndWhereTheBooksUpdateRulesEnd() throws IOException {
    String printed = Cli.ok(out, "optimizers", "--paths-only");
    // final points after 30 updates, from an independent float64 Python run (as in
    // OptimizerPathTest)
    Map<String, double[]> expected =
        Map.of(
            "SGD", new double[] {-0.3503929957523197, 0.0847823165504322},
            "Momentum", new double[] {0.896413858493733, 0.08808560171506971},
            "AdaGrad", new double[] {-0.12016232231416045, 2.486389893984459e-17},
            "Adam", new double[] {0.13600685239498186, 0.31824537553721943});
    List<String[]> rows = csv(out.resolve("optimizers/paths.csv"), 5);
    assertEquals(4 * 31, rows.size());
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      String[] last =
          rows.stream()
              .filter(r -> r[0].equals(e.getKey()) && r[2].equals("30"))
              .findFirst()
              .orElseThrow();
      assertEquals(e.getValue()[0], Double.parseDouble(last[3]), 1e-9, e.getKey());
      assertEquals(e.getValue()[1], Double.parseDouble(last[4]), 1e-9, e.getKey());
      String[] first =
          rows.stream()
              .filter(r -> r[0].equals(e.getKey()) && r[2].equals("0"))
              .findFirst()
              .orElseThrow();
      assertEquals(List.of("-7.0", "2.0"), List.of(first[3], first[4]));
    }
    assertTrue(printed.contains("SGD      lr 0.95 ends at (-0.3503929958, 0.0847823166)"), printed);
    assertTrue(printed.contains("Adam     lr 0.3  ends at (0.1360068524, 0.3182453755)"), printed);
    assertPng(out.resolve("optimizers/paths.png"), 2 * 480, TITLE + 2 * 320);
    assertFalse(Files.exists(out.resolve("optimizers/mnist-loss.csv")));
  }

  @Test
  void optimizersOnMnistLogLikeTheBookAndReproduce() throws IOException {
    String[] args = {
      "optimizers", "--iterations", "20", "--batch", "32", "--log-every", "10", "--seed", "5"
    };
    String printed = Cli.ok(out, args);
    assertTrue(printed.contains("===========iteration:10===========\nSGD:"), printed);
    assertTrue(printed.contains("mean loss over the last 20 iterations: SGD "), printed);
    List<String[]> losses = csv(out.resolve("optimizers/mnist-loss.csv"), 5);
    assertEquals(20, losses.size());
    assertEquals(
        List.of("iteration", "SGD", "Momentum", "AdaGrad", "Adam"),
        Arrays.asList(
            Files.readAllLines(out.resolve("optimizers/mnist-loss.csv")).get(0).split(",")));
    for (String[] row : losses) {
      for (int c = 1; c < 5; c++) {
        double loss = Double.parseDouble(row[c]);
        assertTrue(loss > 0 && loss < 10, Arrays.toString(row));
      }
    }
    double firstLoss = Double.parseDouble(losses.get(0)[1]);
    assertEquals(Math.log(10), firstLoss, 0.5, "an untrained 10-class net starts near ln 10");
    assertPng(out.resolve("optimizers/mnist-loss.png"), 640, 420);

    String again = Files.readString(out.resolve("optimizers/mnist-loss.csv"));
    Cli.ok(out, args);
    assertEquals(
        again, Files.readString(out.resolve("optimizers/mnist-loss.csv")), "same seed, same run");
    args[args.length - 1] = "6";
    Cli.ok(out, args);
    assertNotEquals(
        again, Files.readString(out.resolve("optimizers/mnist-loss.csv")), "another seed");
  }

  @Test
  void initHistogramsHaveTheBooksMeanActivations() throws IOException {
    String printed = Cli.ok(out, "init", "--iterations", "12", "--log-every", "0", "--batch", "16");
    List<String[]> rows = csv(out.resolve("init/activations.csv"), 5);
    assertEquals(6 * 5, rows.size());
    // the book's footnote for ReLU with std 0.01 (one random draw): the same order of magnitude
    double[] book = {0.0396, 0.00290, 0.000197, 1.32e-5, 9.46e-7};
    List<String[]> relu = rows.stream().filter(r -> r[0].equals("relu-std0.01")).toList();
    for (int layer = 0; layer < 5; layer++) {
      double mean = Double.parseDouble(relu.get(layer)[2]);
      assertTrue(
          Math.abs(Math.log10(mean / book[layer])) < 0.5,
          "layer " + (layer + 1) + ": " + mean + " vs the book's " + book[layer]);
    }
    for (String[] row : rows) {
      if (row[0].equals("sigmoid-std0.01")) {
        assertEquals(0.5, Double.parseDouble(row[2]), 0.01, "sigmoid of values near 0");
      }
      if (row[0].startsWith("relu")) {
        assertEquals(0.5, Double.parseDouble(row[4]), 0.05, "about half of ReLU outputs are 0");
      }
    }
    assertTrue(printed.contains("ReLU, std 0.01 (Fig 6-14)"), printed);
    for (String file :
        List.of(
            "sigmoid-std1",
            "sigmoid-std0.01",
            "sigmoid-xavier",
            "relu-std0.01",
            "relu-xavier",
            "relu-he")) {
      assertPng(out.resolve("init/activations-" + file + ".png"), 5 * 260, TITLE + 240);
    }
    List<String[]> losses = csv(out.resolve("init/mnist-loss.csv"), 4);
    assertEquals(12, losses.size());
    assertEquals(
        "iteration,std=0.01,Xavier,He",
        Files.readAllLines(out.resolve("init/mnist-loss.csv")).get(0));
    assertEquals(
        Math.log(10), Double.parseDouble(losses.get(11)[1]), 0.01, "std 0.01 does not learn");
    assertPng(out.resolve("init/mnist-loss.png"), 640, 420);
  }

  @Test
  void batchNormGridHasOnePanelPerStd() throws IOException {
    String printed =
        Cli.ok(out, "batchnorm", "--stds", "2", "--epochs", "2", "--train-size", "200");
    assertTrue(printed.contains("W: 1 "), printed);
    assertTrue(printed.contains("W: 0.0001 "), printed);
    List<String[]> rows = csv(out.resolve("batchnorm/accuracy.csv"), 6);
    assertEquals(2 * 2 * 3, rows.size());
    assertEquals(
        List.of("1.0", "true", "0"), List.of(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2]));
    assertEquals(1e-4, Double.parseDouble(rows.get(rows.size() - 1)[0]), 1e-18);
    assertEquals("false", rows.get(rows.size() - 1)[1]);
    assertPng(out.resolve("batchnorm/grid.png"), 2 * 330, TITLE + 240);
  }

  @Test
  void overfitRunsTheThreeVariants() throws IOException {
    String printed =
        Cli.ok(
            out,
            "overfit",
            "--epochs",
            "3",
            "--dropout-epochs",
            "2",
            "--train-size",
            "100",
            "--log-every",
            "1");
    assertTrue(printed.contains("epoch:3, train acc:"), printed);
    assertTrue(printed.contains("no regularisation (Fig 6-20)"), printed);
    assertTrue(printed.contains("gap"), printed);
    List<String[]> rows = csv(out.resolve("overfit/accuracy.csv"), 5);
    assertEquals(4 + 4 + 3, rows.size());
    assertEquals(
        List.of("plain", "weight-decay", "dropout"),
        rows.stream().map(r -> r[0]).distinct().toList());
    for (String variant : List.of("plain", "weight-decay", "dropout")) {
      assertPng(out.resolve("overfit/" + variant + ".png"), 640, 420);
    }
    assertPng(out.resolve("overfit/comparison.png"), 3 * 640, TITLE + 420);
  }

  @Test
  void hyperparameterSearchRanksTrialsByValidationAccuracy() throws IOException {
    String printed =
        Cli.ok(
            out,
            "hyperparams",
            "--trials",
            "3",
            "--epochs",
            "2",
            "--best",
            "2",
            "--train-size",
            "100",
            "--lr-exponents",
            "-3,-2");
    assertTrue(printed.contains("80 train, 20 validation"), printed);
    List<String[]> trials = csv(out.resolve("hyperparams/trials.csv"), 6);
    assertEquals(3, trials.size());
    double previous = 1;
    for (int k = 0; k < trials.size(); k++) {
      String[] t = trials.get(k);
      assertEquals(String.valueOf(k + 1), t[0]);
      double lr = Double.parseDouble(t[2]);
      double wd = Double.parseDouble(t[3]);
      assertTrue(lr >= 1e-3 && lr < 1e-2, "lr " + lr);
      assertTrue(wd >= 1e-8 && wd < 1e-4, "weight decay " + wd);
      double val = Double.parseDouble(t[4]);
      assertTrue(val <= previous, "sorted by validation accuracy");
      previous = val;
    }
    assertTrue(printed.contains("Best-1(val acc:" + trials.get(0)[4] + ") | lr:"), printed);
    assertTrue(printed.contains("Best-2(val acc:"), printed);
    assertFalse(printed.contains("Best-3"), printed);
    assertEquals(3 * 3, csv(out.resolve("hyperparams/curves.csv"), 5).size());
    assertPng(out.resolve("hyperparams/best.png"), 2 * 320, TITLE + 230);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hyperparams --lr-exponents -2,-6 | --lr-exponents: a log-uniform range needs finite exponents with min < max",
        "hyperparams --best 0 | --best must be at least 1, got 0",
        "optimizers --smooth 0 | --smooth must be at least 1, got 0",
        "init --samples 0 | --samples must be at least 1, got 0",
        "batchnorm --stds 0 | --stds must be at least 1, got 0",
        "batchnorm --std-exponents 1 | --std-exponents needs two finite exponents FIRST,LAST",
        "overfit --weight-decay -1 | --weight-decay must be a finite number of 0 or more, got -1.0",
        "overfit --dropout 1 | --dropout must be at least 0 and below 1, got 1.0",
      })
  void badSettingsFailAtOnceWithAClearError(String args, String message) {
    Cli.Result r = Cli.run(out, args.split(" "));
    assertEquals(2, r.exitCode(), "a usage error");
    assertTrue(r.err().contains(message), r.err());
    assertFalse(r.out().contains("wrote:"), r.out());
  }

  /** The rows below the header, each checked to have {@code columns} cells. */
  private static List<String[]> csv(Path file, int columns) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(columns, cells.length, file + ": " + line);
      rows.add(cells);
    }
    return rows;
  }

  private static void assertPng(Path file, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(
        List.of(width, height), List.of(image.getWidth(), image.getHeight()), file.toString());
  }
}
