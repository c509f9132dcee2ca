package dev.tapegrad.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.examples.cli.Outputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LossCurvesTest {
  @TempDir Path dir;

  private static LossCurves curves(double[] a, double[] b) {
    Map<String, double[]> map = new LinkedHashMap<>();
    map.put("a", a);
    map.put("b", b);
    return new LossCurves(map);
  }

  private Outputs outputs() {
    Outputs out = new Outputs();
    new CommandLine(out).parseArgs("--out", dir.toString());
    return out;
  }

  @Test
  void csvHasOneRowPerIterationAndOneColumnPerRun() {
    String csv =
        curves(new double[] {2.5, 1.5, 0.5}, new double[] {3, 2, Double.NaN}).csv().toString();
    assertEquals("iteration,a,b\n0,2.5,3.0\n1,1.5,2.0\n2,0.5,NaN\n", csv);
  }

  @Test
  void tailMeanAveragesTheLastIterations() {
    LossCurves c = curves(new double[] {4, 2, 1}, new double[] {1, Double.POSITIVE_INFINITY, 1});
    assertEquals(1.5, c.tailMean("a", 2));
    assertEquals(7.0 / 3, c.tailMean("a", 10));
    assertTrue(Double.isNaN(c.tailMean("b", 2)));
    assertEquals("mean loss over the last 2 iterations: a 1.5000 b NaN", c.tailSummary(2));
  }

  @Test
  void aChartLeavesOutRunsWithoutAFiniteLossAndDrawsInfinitiesAsGaps() throws IOException {
    LossCurves c =
        curves(
            new double[] {2, Double.POSITIVE_INFINITY, 1},
            new double[] {Double.NaN, Double.NaN, Double.NaN});
    Outputs out = outputs();
    c.write(out, "loss", "title", 3, 2);
    out.commit();
    assertEquals(640, ImageIO.read(dir.resolve("loss.png").toFile()).getWidth());
    assertEquals("iteration,a,b", Files.readAllLines(dir.resolve("loss.csv")).get(0));
  }

  @Test
  void noChartWhenNothingIsFinite() throws IOException {
    LossCurves c = curves(new double[] {Double.NaN}, new double[] {Double.NEGATIVE_INFINITY});
    Outputs out = outputs();
    c.write(out, "loss", "title", 3, 2);
    out.commit();
    assertFalse(Files.exists(dir.resolve("loss.png")));
    assertTrue(Files.exists(dir.resolve("loss.csv")));
  }

  @Test
  void curvesOfDifferentLengthsAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> curves(new double[] {1, 2}, new double[] {1}));
    assertEquals("loss curve 'b' has 1 values, the others 2", e.getMessage());
  }
}
