package dev.tapegrad.layers.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Fan-in of Affine weights and convolution filters. */
class FanInTest {

  @Test
  void affineWeightsUseTheirRows() {
    assertEquals(784, FanIn.of(784, 100));
    assertEquals(50, FanIn.of(50, 10));
  }

  @Test
  void filtersUseChannelsTimesFilterArea() {
    // SimpleConvNet: 30 filters of 1x5x5; DeepConvNet's second conv: 16 filters of 16x3x3.
    assertEquals(25, FanIn.of(30, 1, 5, 5));
    assertEquals(144, FanIn.of(16, 16, 3, 3));
  }

  @Test
  void shapesWithoutAFanInAreRejected() {
    IllegalArgumentException vector =
        assertThrows(IllegalArgumentException.class, () -> FanIn.of(10));
    assertTrue(vector.getMessage().contains("weight shape (10,) is neither"), vector.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FanIn.of(2, 3, 4));
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> FanIn.of(0, 5));
    assertTrue(empty.getMessage().contains("(0,5) has no inputs"), empty.getMessage());
  }
}
