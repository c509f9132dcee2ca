package dev.tapegrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {
  private static Samples ms(double... values) {
    return new Samples(values);
  }

  @Test
  void printsMediansRatiosRatesAndTargets() {
    ComparisonTable table = new ComparisonTable(List.of("tapegrad", "numpy", "djl"));
    table.add(Workload.SIMPLE_CONV_ADAM, "tapegrad", ms(20, 21, 19));
    table.add(Workload.SIMPLE_CONV_ADAM, "numpy", ms(80, 79, 81));
    table.add(Workload.SIMPLE_CONV_ADAM, "djl", ms(40));
    table.add(Workload.GEMM_1024, "tapegrad", ms(21.4748364800)); // exactly 100 GFLOPS
    table.add(Workload.GEMM_1024, "numpy", ms(20));
    table.addFailure(Workload.GEMM_1024, "djl", "no engine");
    String out =
        table.render(
            Target.forBlas(true).stream()
                .filter(t -> t.workload() == Workload.SIMPLE_CONV_ADAM)
                .toList());

    assertTrue(
        out.contains("| simple-conv-adam | 20.0 ±3% | 80.0 ±1% | 40.0 ±0% | 0.25 | 0.50 |"), out);
    assertTrue(out.contains("| gemm-1024 | 21.5 ±0% | 20.0 ±0% | failed | 1.07 | – |"), out);
    assertTrue(out.contains("djl on gemm-1024 failed: no engine"), out);
    assertTrue(out.contains("| gemm-1024 | 100.0 | 107.4 | – |"), out);
    assertTrue(out.contains("| ≤ 0.67 × DJL | simple-conv-adam | 0.50 | yes |"), out);
    assertTrue(out.contains("| ≤ 0.33 × NumPy | simple-conv-adam | 0.25 | yes |"), out);
  }

  @Test
  void aTargetAgainstTheFasterPeerUsesTheSmallerMedian() {
    Target t = new Target(Workload.TWO_LAYER_SGD, Target.Reference.FASTER_PEER, 0.9);
    assertEquals(
        OptionalDouble.of(0.5), t.ratio(Map.of("tapegrad", 1.0, "numpy", 2.0, "djl", 4.0)));
    assertEquals(OptionalDouble.of(0.25), t.ratio(Map.of("tapegrad", 1.0, "djl", 4.0)));
    assertEquals(OptionalDouble.empty(), t.ratio(Map.of("tapegrad", 1.0)));
    assertEquals(OptionalDouble.empty(), t.ratio(Map.of("numpy", 1.0)));
  }

  @Test
  void pureJavaKeepsOnlyTheSimpleConvNetTarget() {
    assertEquals(
        List.of(new Target(Workload.SIMPLE_CONV_ADAM, Target.Reference.NUMPY, 1.0)),
        Target.forBlas(false));
  }
}
