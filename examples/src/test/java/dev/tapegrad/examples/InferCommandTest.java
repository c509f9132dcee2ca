package dev.tapegrad.examples;

import static dev.tapegrad.examples.BookWeightsFixture.assumeBookWeights;
import static dev.tapegrad.examples.BookWeightsFixture.withoutBookWeights;
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
 * {@code infer}: the book's three trained networks agree with the book's NumPy forward pass on the
 * embedded test digits (predictions and correct counts computed with python3 + NumPy from the
 * pickles; see src/test/python/book_nets_check.py), and checkpoints written by {@code train} are
 * rebuilt and scored.
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
    assumeBookWeights(weights);
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
  void missingBookWeightsSayWhereToPutThem(@TempDir Path empty) {
    Cli.Result r = withoutBookWeights(empty, () -> Cli.run(out, "infer", "--net", "book-ch7"));
    assertNotEquals(0, r.exitCode());
    assertTrue(
        r.err()
            .contains(
                "book-ch7 needs the book's "
                    + BookWeights.SIMPLE_CONVNET
                    + ", which is not in a shared/data/book-weights folder; give its path with --weights FILE"),
        r.err());
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
