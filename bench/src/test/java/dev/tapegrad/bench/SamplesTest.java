package dev.tapegrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertEquals(3.0, new Samples(new double[] {5, 1, 3}).median());
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, new Samples(new double[] {4, 1, 2, 3}).median());
  }

  @Test
  void quantilesInterpolateLikeNumpy() {
    // numpy.quantile([1, 2, 3, 4, 10], [0.25, 0.9]) == [2.0, 7.6]
    Samples s = new Samples(new double[] {10, 4, 3, 2, 1});
    assertEquals(2.0, s.quantile(0.25), 1e-12);
    assertEquals(7.6, s.quantile(0.9), 1e-12);
    assertEquals(1.0, s.quantile(0), 1e-12);
    assertEquals(10.0, s.quantile(1), 1e-12);
  }

  @Test
  void keepsItsOwnCopy() {
    double[] times = {1, 2, 3};
    Samples s = new Samples(times);
    times[0] = 100;
    s.millis()[1] = 100;
    assertEquals(2.0, s.median());
  }

  @Test
  void rejectsEmptyNegativeAndNotFiniteTimes() {
    assertThrows(IllegalArgumentException.class, () -> new Samples(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> new Samples(new double[] {1, -0.5}));
    assertThrows(IllegalArgumentException.class, () -> new Samples(new double[] {Double.NaN}));
    assertThrows(
        IllegalArgumentException.class, () -> new Samples(new double[] {Double.POSITIVE_INFINITY}));
    assertThrows(IllegalArgumentException.class, () -> new Samples(new double[] {1}).quantile(1.5));
  }
}
