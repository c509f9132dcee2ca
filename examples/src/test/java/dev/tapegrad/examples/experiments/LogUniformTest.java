package dev.tapegrad.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogUniformTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void exponentsAreUniformOverTheRange(long seed) {
    LogUniform range = new LogUniform(-6, -2);
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 20_000;
    int[] perDecade = new int[4];
    for (int i = 0; i < n; i++) {
      double v = range.sample(rng);
      assertTrue(v >= 1e-6 && v < 1e-2, "sample " + v);
      perDecade[(int) Math.floor(Math.log10(v)) + 6]++;
    }
    for (int count : perDecade) {
      assertEquals(n / 4.0, count, 5 * Math.sqrt(n * 0.25 * 0.75), "one quarter per decade");
    }
  }

  @Test
  void optionValuesAreCheckedWithTheOptionsName() {
    assertEquals(
        new LogUniform(-8, -4), LogUniform.ofOption("--wd-exponents", new double[] {-8, -4}));
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class,
            () -> LogUniform.ofOption("--wd-exponents", new double[] {-8}));
    assertEquals(
        "--wd-exponents needs two exponents MIN,MAX such as -6,-2, got 1 values",
        count.getMessage());
    IllegalArgumentException order =
        assertThrows(
            IllegalArgumentException.class,
            () -> LogUniform.ofOption("--lr-exponents", new double[] {-2, -6}));
    assertTrue(order.getMessage().startsWith("--lr-exponents: "), order.getMessage());
  }
}
