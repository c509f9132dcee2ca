package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistogramTest {

  @Test
  void countsValuesPerBinWithTheMaximumInTheLastBin() {
    double[] values = {0, 0.05, 0.1, 0.5, 0.99, 1.0, -0.1, 1.1, Double.NaN};
    Histogram histogram = Histogram.of(values, 10, 0, 1);

    // by hand: [0,0.1): 0, 0.05 | [0.1,0.2): 0.1 | [0.5,0.6): 0.5 | [0.9,1]: 0.99, 1.0
    assertArrayEquals(new long[] {2, 1, 0, 0, 0, 1, 0, 0, 0, 2}, histogram.counts());
    assertEquals(3, histogram.outside(), "-0.1, 1.1 and NaN");
    assertEquals(2, histogram.maxCount());
    assertArrayEquals(
        new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0},
        histogram.edges(),
        1e-15);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 30})
  void everyValueInsideTheRangeLandsInTheBinWhoseEdgesHoldIt(int bins) {
    Random rng = new Random(bins);
    double[] values = rng.doubles(500, -0.2, 1.2).toArray();
    Histogram histogram = Histogram.of(values, bins, 0, 1);
    double[] edges = histogram.edges();
    long[] expected = new long[bins];
    long outside = 0;
    for (double v : values) {
      boolean placed = false;
      for (int k = 0; k < bins && !placed; k++) {
        boolean last = k == bins - 1;
        if (v >= edges[k] && (v < edges[k + 1] || last && v <= edges[k + 1])) {
          expected[k]++;
          placed = true;
        }
      }
      outside += placed ? 0 : 1;
    }
    assertArrayEquals(expected, histogram.counts());
    assertEquals(outside, histogram.outside());
  }

  @Test
  void rejectsBadBinsAndRanges() {
    assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 3, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Histogram.of(new double[] {1}, 3, 0, Double.POSITIVE_INFINITY));
  }
}
