package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.layers.io.BookWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code infer}: the book's three trained networks, with the weights that ship with tapegrad, agree
 * with the book's NumPy forward pass on the embedded test digits (predictions and correct counts
 * computed with python3 + NumPy from the pickles; see src/test/python/book_nets_check.py), and
 * checkpoints written by {@code train} are rebuilt and scored.
 */
class InferCommandTest {
  @TempDir Path out;

  /** NumPy's predictions for the first 40 test digits, and its correct count on the first N. */
  @ParameterizedTest
  @CsvSource({
    "book-ch3, sample_weight.pkl,       2000, 1867, 3434093262536272666153633980210417951787",
    "book-ch7, params.pkl,              2000, 1920, 3434093262536272666163633980210417951787",
    "book-ch8, deep_convnet_params.pkl,  500,  483, 3436093262536272666153633980210417951787",
  })
  void booksNetworksAgreeWithNumPy(
      String net, String weights, int images, int correct, String first40) throws IOException {
    Path csv = out.resolve("predictions.csv");
    String printed =
        Cli.ok(
            out,
            "infer",
            "--net",
            net,
            "--limit",
            String.valueOf(images),
            "--predictions",
            csv.toString());
    assertTrue(
        printed.contains(
            String.format(
                Locale.ROOT,
                "accuracy %.4f (%d of %d correct)",
                (double) correct / images,
                correct,
                images)),
        printed);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("index,label,predicted", lines.get(0));
    assertEquals(images + 1, lines.size());
    String predicted =
        lines.subList(1, 41).stream().map(l -> l.split(",")[2]).collect(Collectors.joining());
    assertEquals(first40, predicted);
    long right =
        lines.stream().skip(1).map(l -> l.split(",")).filter(f -> f[1].equals(f[2])).count();
    assertEquals(correct, right);
  }

  @Test
  void checkpointsAreRecognisedByTheirParameters() throws IOException {
    Cli.ok(
        out,
        "train",
        "--net",
        "simple-conv",
        "--epochs",
        "1",
        "--train-size",
        "200",
        "--batch",
        "20",
        "--optimizer",
        "adam",
        "--lr",
        "0.002",
        "--test-samples",
        "200");
    String test =
        Files.readAllLines(out.resolve("train/simple-conv-history.csv")).get(2).split(",")[3];
    String printed =
        Cli.ok(
            out,
            "infer",
            "--net",
            out.resolve("train/simple-conv.npz").toString(),
            "--limit",
            "200");
    assertTrue(
        printed.contains("(simple-conv): SimpleConvNet on embedded MNIST sample, 200 test images"),
        printed);
    // the same network on the same first 200 test digits: train's last test accuracy
    double accuracy = Double.parseDouble(test);
    assertTrue(accuracy > 0.3, test);
    assertTrue(
        printed.contains(
            String.format(
                Locale.ROOT,
                "accuracy %.4f (%d of 200 correct)",
                accuracy,
                Math.round(accuracy * 200))),
        printed + " vs " + test);
  }

  @Test
  void batchNormCheckpointsAreRecognised() throws IOException {
    Cli.ok(
        out,
        "train",
        "--net",
        "multi-layer-extend",
        "--batchnorm",
        "--epochs",
        "1",
        "--train-size",
        "200");
    String printed =
        Cli.ok(
            out,
            "infer",
            "--net",
            out.resolve("train/multi-layer-extend.npz").toString(),
            "--limit",
            "100");
    assertTrue(printed.contains("(multi-layer-extend): MultiLayerNetExtend"), printed);
  }

  @Test
  void aWrongArchitectureNamesTheMismatch() throws IOException {
    Cli.ok(out, "train", "--net", "two-layer", "--epochs", "0");
    Cli.Result r =
        Cli.run(
            out,
            "infer",
            "--net",
            out.resolve("train/two-layer.npz").toString(),
            "--arch",
            "multi-layer");
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("missing Affine3.W"), r.err());
  }

  @Test
  void theShippedWeightsAreTheDefaultAndAnotherCopyCanBeGiven() throws IOException {
    String shipped = Cli.ok(out, "infer", "--net", "book-ch3");
    assertTrue(
        shipped.startsWith(
            "book-ch3 with the book's sample_weight.pkl (shipped): MultiLayerNet on embedded MNIST"
                + " sample, 2000 test images"),
        shipped);
    assertTrue(shipped.contains("accuracy 0.9335 (1867 of 2000 correct)"), shipped);

    Path copy = out.resolve(BookWeights.SAMPLE_WEIGHT);
    try (var in =
        BookWeights.class.getResourceAsStream(
            "/dev/tapegrad/layers/data/book-weights/" + BookWeights.SAMPLE_WEIGHT)) {
      Files.copy(in, copy);
    }
    String given = Cli.ok(out, "infer", "--net", "book-ch3", "--weights", copy.toString());
    assertTrue(given.startsWith("book-ch3 with " + copy + ": "), given);
    assertTrue(given.contains("accuracy 0.9335 (1867 of 2000 correct)"), given);
  }

  @Test
  void aGivenWeightsFileMustExist() {
    Path missing = out.resolve("missing.pkl");
    Cli.Result r = Cli.run(out, "infer", "--net", "book-ch7", "--weights", missing.toString());
    assertEquals(1, r.exitCode());
    assertEquals("infer: --weights " + missing + ": no such file\n", r.err());
  }

  @Test
  void unknownNetworksAreNamed() {
    Cli.Result r = Cli.run(out, "infer", "--net", "book-ch9");
    assertNotEquals(0, r.exitCode());
    assertTrue(
        r.err()
            .contains(
                "unknown network 'book-ch9': expected book-ch3, book-ch7, book-ch8 or the"
                    + " path of a checkpoint .npz written by train"),
        r.err());
  }
}
