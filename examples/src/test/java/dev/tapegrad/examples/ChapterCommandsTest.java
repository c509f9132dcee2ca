package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of the chapter commands on tiny settings: files exist and parse, numbers are the
 * book's.
 */
class ChapterCommandsTest {
  @TempDir Path out;

  @Test
  void gatesPrintTheTruthTables() throws IOException {
    String printed = Cli.ok(out, "gates");
    assertTrue(printed.contains("   1  1 |  0  1 | 0"), printed); // XOR row of Fig 2-12
    assertTrue(printed.contains("-0.19999999999999996"), printed);
    List<String> csv = Files.readAllLines(out.resolve("gates/truth-tables.csv"));
    assertEquals("gate,x1,x2,y", csv.get(0));
    assertEquals(List.of("XOR,0,0,0", "XOR,1,0,1", "XOR,0,1,1", "XOR,1,1,0"), csv.subList(13, 17));
  }

  @Test
  void forwardPrintsTheBooksChapter3Numbers() throws IOException {
    String printed = Cli.ok(out, "forward");
    assertTrue(printed.contains("y = [0.31682708 0.69627909]"), printed);
    assertTrue(printed.contains("[0.01821127 0.24519181 0.73659691]"), printed);
    assertTrue(printed.contains("[9.99954600e-01 4.53978686e-05 2.06106005e-09]"), printed);
    assertTrue(printed.contains("sigmoid(x)      = [0.26894142 0.73105858 0.88079708]"), printed);
    assertEquals(101, Files.readAllLines(out.resolve("forward/activations.csv")).size());
  }

  @Test
  void trainWritesHistoryAndImproves() throws IOException {
    String printed =
        Cli.ok(
            out,
            "train",
            "--net",
            "two-layer",
            "--epochs",
            "2",
            "--train-size",
            "2000",
            "--batch",
            "20");
    assertTrue(
        printed.contains("TwoLayerNet on embedded MNIST sample (2000 train, 2000 test)"), printed);
    List<String> history = Files.readAllLines(out.resolve("train/two-layer-history.csv"));
    assertEquals(4, history.size());
    double before = Double.parseDouble(history.get(1).split(",")[3]);
    double after = Double.parseDouble(history.get(3).split(",")[3]);
    assertTrue(after > before + 0.3, history.toString());
    assertEquals(201, Files.readAllLines(out.resolve("train/two-layer-losses.csv")).size());
  }

  @Test
  void gradcheckReportsEveryParameter() throws IOException {
    String printed = Cli.ok(out, "gradcheck", "--net", "simple-conv", "--max-elements", "20");
    assertTrue(printed.contains("gradients agree"), printed);
    List<String> csv = Files.readAllLines(out.resolve("gradcheck/simple-conv.csv"));
    assertEquals(7, csv.size());
    assertTrue(csv.get(1).startsWith("Conv1.W,[30x1x5x5],"), csv.get(1));
  }

  @Test
  void unknownNetworkIsAClearError() {
    Cli.Result r = Cli.run(out, "train", "--net", "resnet");
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("unknown network 'resnet'"), r.err());
  }
}
