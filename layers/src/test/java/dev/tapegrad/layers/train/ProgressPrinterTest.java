package dev.tapegrad.layers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.net.TwoLayerNet;
import dev.tapegrad.layers.optim.Sgd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The library's plain-text training log, heard from a real run. */
class ProgressPrinterTest {

  @Test
  void printsEveryEpochAndEveryNthIteration() throws IOException {
    TrainTestSplit mnist = Mnist.embeddedSample(MnistOptions.defaults());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new Trainer(
            new TwoLayerNet(784, 20, 10, new Random(1)),
            new Sgd(0.1),
            new Trainer.Config(2, 100, 1))
        .listener(new ProgressPrinter(out, 4))
        .fit(mnist.train().subset(1000), mnist.test().subset(200));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    // epoch 0; then per epoch of 10 iterations: iterations 4 and 8, and the epoch's summary
    assertEquals(7, lines.size(), lines.toString());
    assertTrue(
        lines
            .get(0)
            .matches(
                "epoch +0  loss +- +train acc 0\\.\\d{4}  test acc 0\\.\\d{4}  train 0\\.0 s  eval \\d+\\.\\d s"),
        lines.get(0));
    assertTrue(
        lines.get(1).matches("epoch +1  iteration 4/10  loss \\d\\.\\d{4}  \\d+\\.\\d s"),
        lines.get(1));
    assertTrue(lines.get(2).startsWith("epoch   1  iteration 8/10  loss "), lines.get(2));
    assertTrue(
        lines
            .get(3)
            .matches(
                "epoch +1  loss \\d\\.\\d{4}  train acc .*  train \\d+\\.\\d s  eval \\d+\\.\\d s"),
        lines.get(3));
    assertTrue(lines.get(6).startsWith("epoch   2  loss "), lines.get(6));
  }

  @Test
  void rejectsANegativeInterval() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ProgressPrinter(System.out, -1));
    assertEquals("progress printer: every must be >= 0 iterations, got -1", e.getMessage());
  }
}
