package dev.tapegrad.examples.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The 0-side polygon and the visible segment of a decision line, worked by hand. */
class DecisionLineTest {

  @Test
  void orLineCutsTheSquareIntoATriangleBelowIt() {
    // −0.5 + x1 + x2 = 0 (Fig 2-6) in [0, 1]²: the 0-side is the triangle (0,0), (0.5,0), (0,0.5).
    DecisionLine or = new DecisionLine("OR", 1, 1, -0.5);
    List<double[]> region = or.zeroSide(0, 1);
    assertEquals(3, region.size());
    assertArrayEquals(new double[] {0, 0}, region.get(0), 1e-12);
    assertArrayEquals(new double[] {0.5, 0}, region.get(1), 1e-12);
    assertArrayEquals(new double[] {0, 0.5}, region.get(2), 1e-12);
    assertArrayEquals(new double[] {0.5, 0, 0, 0.5}, or.segment(0, 1), 1e-12);
  }

  @Test
  void nandKeepsTheOtherSide() {
    DecisionLine nand = new DecisionLine("NAND", -0.5, -0.5, 0.7);
    for (double[] p : nand.zeroSide(-0.5, 1.5)) {
      assertTrue(nand.weightedSum(p[0], p[1]) <= 1e-12, p[0] + ", " + p[1]);
    }
    assertEquals(3, nand.zeroSide(-0.5, 1.5).size()); // the corner (1.5, 1.5) and two crossings
  }

  @Test
  void verticalLineThroughACornerAndLinesMissingTheSquare() {
    DecisionLine vertical = new DecisionLine("x1 = 1", 1, 0, -1);
    assertArrayEquals(new double[] {1, 0, 1, 1}, vertical.segment(0, 1), 1e-12);
    assertEquals(4, vertical.zeroSide(0, 1).size());
    DecisionLine far = new DecisionLine("far", 1, 1, 10);
    assertNull(far.segment(0, 1));
    assertTrue(far.zeroSide(0, 1).isEmpty());
  }

  @Test
  void aLineNeedsAWeight() {
    assertThrows(IllegalArgumentException.class, () -> new DecisionLine("none", 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new DecisionLine("nan", Double.NaN, 1, 1));
  }
}
