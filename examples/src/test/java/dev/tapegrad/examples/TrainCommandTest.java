package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.io.Checkpoint;
import dev.tapegrad.layers.io.Npz;
import dev.tapegrad.layers.net.TwoLayerNet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}: charts and checkpoint after training, {@code --resume}, and option checks. */
class TrainCommandTest {
  @TempDir Path out;

  private static final String[] SMALL_RUN = {"--train-size", "1000", "--batch", "50"};

  private static String[] args(String... extra) {
    String[] all = new String[SMALL_RUN.length + extra.length + 1];
    all[0] = "train";
    System.arraycopy(extra, 0, all, 1, extra.length);
    System.arraycopy(SMALL_RUN, 0, all, 1 + extra.length, SMALL_RUN.length);
    return all;
  }

  /** The value of {@code column} (0-based) in row {@code row} (1 = first data row) of a CSV. */
  private static String cell(Path csv, int row, int column) throws IOException {
    return Files.readAllLines(csv).get(row).split(",")[column];
  }

  @Test
  void writesChartsAndACheckpointOfTheTrainedNetwork() throws IOException {
    Cli.ok(out, args("--net", "two-layer", "--epochs", "2"));
    for (String chart : List.of("two-layer-loss.png", "two-layer-accuracy.png")) {
      BufferedImage image = ImageIO.read(out.resolve("train").resolve(chart).toFile());
      assertEquals(640, image.getWidth(), chart);
      assertEquals(420, image.getHeight(), chart);
    }
    // The checkpoint holds the trained network: a fresh one loaded from it scores what train
    // reported.
    TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(99));
    Checkpoint.load(out.resolve("train/two-layer.npz"), net, null);
    Dataset test = Mnist.embeddedSample(MnistOptions.defaults()).test();
    double reported = Double.parseDouble(cell(out.resolve("train/two-layer-history.csv"), 3, 3));
    assertEquals(reported, net.accuracy(test.images(), test.labels(), 100), 1e-12);
    // sgd's state is its step count: 2 epochs of 1000/50 batches
    assertEquals(40.0, Npz.read(out.resolve("train/two-layer.npz")).get("sgd/t").item());
  }

  @Test
  void eachEpochLineGivesTrainingAndEvaluationTimeAndTheHelpTheEvaluationDefault()
      throws IOException {
    String printed = Cli.ok(out, args("--net", "two-layer", "--epochs", "1"));
    assertTrue(
        printed
            .lines()
            .anyMatch(l -> l.matches("epoch +1  loss .*  train \\d+\\.\\d s  eval \\d+\\.\\d s")),
        printed);
    List<String> history = Files.readAllLines(out.resolve("train/two-layer-history.csv"));
    assertEquals(
        "epoch,mean_loss,train_accuracy,test_accuracy,seconds,eval_seconds", history.get(0));
    assertTrue(Double.parseDouble(cell(out.resolve("train/two-layer-history.csv"), 2, 5)) > 0);
    String help = Cli.ok(out, "train", "--help");
    assertTrue(
        help.replaceAll("\\s+", " ").contains("(default: 1000, as the book's trainer; 0: all)"),
        help);
  }

  @Test
  void resumeContinuesFromTheCheckpoint(@TempDir Path second) throws IOException {
    Cli.ok(out, args("--net", "two-layer", "--optimizer", "adam", "--epochs", "1"));
    Path checkpoint = out.resolve("train/two-layer.npz");
    // no --optimizer: the checkpoint's (adam) continues
    String printed =
        Cli.ok(
            second, args("--net", "two-layer", "--epochs", "1", "--resume", checkpoint.toString()));
    assertTrue(printed.contains("resumed from " + checkpoint + " after 20 adam steps"), printed);
    Path firstHistory = out.resolve("train/two-layer-history.csv");
    Path resumedHistory = second.resolve("train/two-layer-history.csv");
    // epoch 0 of the resumed run is the saved network: same train and test accuracy as the end of
    // run 1
    assertEquals(cell(firstHistory, 2, 2), cell(resumedHistory, 1, 2));
    assertEquals(cell(firstHistory, 2, 3), cell(resumedHistory, 1, 3));
    // it learns on from there: a run from scratch with the same seed would repeat run 1's loss
    // exactly
    double firstLoss = Double.parseDouble(cell(firstHistory, 2, 1));
    double resumedLoss = Double.parseDouble(cell(resumedHistory, 2, 1));
    assertTrue(resumedLoss < firstLoss, firstLoss + " then " + resumedLoss);
    Map<String, Tensor> saved = Npz.read(second.resolve("train/two-layer.npz"));
    assertEquals(40.0, saved.get("adam/t").item()); // Adam's t continued from 20
  }

  @Test
  void resumeRejectsACheckpointOfAnotherNetwork(@TempDir Path second) throws IOException {
    Cli.ok(out, args("--net", "two-layer", "--epochs", "0"));
    Path checkpoint = out.resolve("train/two-layer.npz");
    Cli.Result r =
        Cli.run(
            second,
            args("--net", "multi-layer", "--epochs", "1", "--resume", checkpoint.toString()));
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("checkpoint " + checkpoint + ": missing Affine3.W"), r.err());
    assertTrue(r.err().contains("Affine2.W has shape (50,10), expected (100,100)"), r.err());
    assertTrue(Files.notExists(second.resolve("train/multi-layer.npz")));
  }

  @Test
  void resumeWithAnotherOptimizerSaysWhichStateItFound(@TempDir Path second) throws IOException {
    Cli.ok(out, args("--net", "two-layer", "--optimizer", "adam", "--epochs", "1"));
    Path checkpoint = out.resolve("train/two-layer.npz");
    Cli.Result r =
        Cli.run(
            second,
            args(
                "--net",
                "two-layer",
                "--optimizer",
                "momentum",
                "--epochs",
                "1",
                "--resume",
                checkpoint.toString()));
    assertNotEquals(0, r.exitCode());
    assertTrue(
        r.err().contains("--resume " + checkpoint + " holds the state of adam, not momentum"),
        r.err());
  }

  @Test
  void batchNormAndDropoutBelongToTheExtendedNetwork() {
    Cli.Result r = Cli.run(out, args("--net", "two-layer", "--dropout", "0.2"));
    assertNotEquals(0, r.exitCode());
    assertTrue(
        r.err().contains("--batchnorm and --dropout apply to multi-layer-extend, not two-layer"),
        r.err());
  }

  @Test
  void extendedNetworkWithBatchNormSavesItsRunningStatistics() throws IOException {
    Cli.ok(
        out,
        args("--net", "multi-layer-extend", "--batchnorm", "--dropout", "0.1", "--epochs", "1"));
    Map<String, Tensor> saved = Npz.read(out.resolve("train/multi-layer-extend.npz"));
    double[] mean = saved.get("BatchNorm1.runningMean").data();
    assertEquals(100, mean.length);
    assertTrue(Arrays.stream(mean).anyMatch(m -> m != 0), "training updated the running mean");
  }

  /** The error line, after the progress bar that standard error also shows. */
  private static String lastLine(String err) {
    List<String> lines = err.lines().toList();
    return lines.get(lines.size() - 1);
  }

  /** Every file under {@code dir} (temporary ones included) and its bytes. */
  private static Map<String, ByteBuffer> files(Path dir) throws IOException {
    Map<String, ByteBuffer> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), ByteBuffer.wrap(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  @Test
  void aRunThatDivergesWritesNothingAndKeepsTheCheckpointItResumedFrom() throws IOException {
    Cli.ok(out, args("--epochs", "1"));
    Path checkpoint = out.resolve("train/two-layer.npz");
    Map<String, ByteBuffer> before = files(out);
    Cli.Result r =
        Cli.run(out, args("--epochs", "2", "--resume", checkpoint.toString(), "--lr", "1e300"));
    assertEquals(1, r.exitCode());
    assertEquals(
        "train: loss became NaN at epoch 1, iteration 2; nothing was written", lastLine(r.err()));
    assertEquals(before, files(out), "every file byte-identical, and no new one");
    assertFalse(r.out().contains("wrote:"), r.out());
  }

  @Test
  void aCheckpointHoldingNaNIsNotTrainedOn() throws IOException {
    Cli.ok(out, args("--epochs", "1"));
    Path checkpoint = out.resolve("train/two-layer.npz");
    Map<String, Tensor> entries = new LinkedHashMap<>(Npz.read(checkpoint));
    entries.get("Affine1.W").data()[7] = Double.NaN;
    Npz.write(checkpoint, entries);
    Map<String, ByteBuffer> before = files(out);
    Cli.Result r = Cli.run(out, args("--epochs", "1", "--resume", checkpoint.toString()));
    assertEquals(1, r.exitCode());
    assertTrue(
        r.err().contains("warning: " + checkpoint + " holds NaN or infinity in Affine1.W\n"),
        r.err());
    assertEquals(
        "train: parameter Affine1.W holds NaN before training; nothing was written",
        lastLine(r.err()));
    assertEquals(before, files(out));
  }

  @Test
  void aWriteThatFailsLeavesTheEarlierFilesAndNoNewOnes() throws IOException {
    Cli.ok(out, args("--epochs", "1"));
    // the next run cannot write its accuracy chart, after its history and loss chart
    Path chart = out.resolve("train/two-layer-accuracy.png");
    Files.delete(chart);
    Files.createDirectories(chart.resolve("blocked"));
    Map<String, ByteBuffer> before = files(out);
    Cli.Result r = Cli.run(out, args("--epochs", "1", "--seed", "2"));
    assertEquals(1, r.exitCode());
    assertEquals(
        "train: cannot write " + chart + ": is a directory; nothing was written",
        lastLine(r.err()));
    assertEquals(before, files(out));
  }

  @Test
  void aFullDiskLeavesTheEarlierFilesAndNoNewOnes() throws Exception {
    Cli.ok(out, args("--epochs", "1"));
    Map<String, ByteBuffer> before = files(out);
    // 200 KiB: the history and the charts fit, the 320 KB checkpoint does not
    Cli.Result r = Cli.fork(List.of(), 200, out, args("--epochs", "1", "--seed", "2"));
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "train: cannot write "
            + out.resolve("train/two-layer.npz")
            + ": file too large; nothing was written",
        lastLine(r.err()));
    assertEquals(before, files(out));
  }

  @Test
  void theNextRunRemovesTheTemporaryFilesOfAKilledOne() throws IOException {
    Path train = Files.createDirectories(out.resolve("train"));
    Path stale = Files.writeString(train.resolve(".two-layer.npz.4k2j9x-999999999.tmp"), "half");
    Cli.ok(out, args("--epochs", "1"));
    assertTrue(Files.notExists(stale));
    assertEquals(
        List.of(
            "two-layer-accuracy.png",
            "two-layer-history.csv",
            "two-layer-loss.png",
            "two-layer-losses.csv",
            "two-layer.npz"),
        files(train).keySet().stream().toList());
  }
}
