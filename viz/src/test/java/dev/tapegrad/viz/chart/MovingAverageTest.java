package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MovingAverageTest {

  @Test
  void averagesTheLastWindowValuesAndTheFirstOnesSoFar() {
    // by hand: 1, (1+2)/2, (1+2+3)/3, (2+3+4)/3, (3+4+5)/3, (4+5+9)/3
    double[] smoothed = MovingAverage.smooth(new double[] {1, 2, 3, 4, 5, 9}, 3);
    assertArrayEquals(new double[] {1, 1.5, 2, 3, 4, 6}, smoothed, 1e-12);
  }

  @Test
  void windowOneCopiesAndAWindowLongerThanTheDataGivesRunningMeans() {
    double[] values = {4, -2, 7};
    double[] copy = MovingAverage.smooth(values, 1);
    assertArrayEquals(values, copy);
    copy[0] = 99;
    assertEquals(4, values[0], "the input must not be shared");
    assertArrayEquals(new double[] {4, 1, 3}, MovingAverage.smooth(values, 10), 1e-12);
  }

  @Test
  void aNanSpoilsOnlyTheWindowsThatContainIt() {
    double[] smoothed = MovingAverage.smooth(new double[] {1, Double.NaN, 3, 5, 7}, 2);
    assertEquals(1, smoothed[0]);
    assertTrue(Double.isNaN(smoothed[1]));
    assertTrue(Double.isNaN(smoothed[2]));
    assertEquals(4, smoothed[3], 1e-12);
    assertEquals(6, smoothed[4], 1e-12);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 5, 11, 50})
  void aLinearRampIsShiftedBackByHalfTheWindow(int window) {
    // the mean of a + b*j over j = i-w+1..i is a + b*(i - (w-1)/2)
    Random rng = new Random(window);
    double a = rng.nextGaussian();
    double b = rng.nextGaussian();
    double[] ramp = new double[200];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = a + b * i;
    }
    double[] smoothed = MovingAverage.smooth(ramp, window);
    for (int i = window - 1; i < ramp.length; i++) {
      assertEquals(a + b * (i - (window - 1) / 2.0), smoothed[i], 1e-9, "at " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void everyPointLiesBetweenTheSmallestAndLargestValueOfItsWindow(long seed) {
    Random rng = new Random(seed);
    double[] values = rng.doubles(300, -5, 5).toArray();
    int window = 1 + rng.nextInt(30);
    double[] smoothed = MovingAverage.smooth(values, window);
    for (int i = 0; i < values.length; i++) {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (int j = Math.max(0, i - window + 1); j <= i; j++) {
        low = Math.min(low, values[j]);
        high = Math.max(high, values[j]);
      }
      assertTrue(smoothed[i] >= low - 1e-12 && smoothed[i] <= high + 1e-12, "at " + i);
    }
  }

  @Test
  void rejectsAWindowBelowOne() {
    var error =
        assertThrows(
            IllegalArgumentException.class, () -> MovingAverage.smooth(new double[] {1}, 0));
    assertTrue(error.getMessage().contains("window"), error.getMessage());
  }
}
