package dev.tapegrad.viz.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContourLinesTest {

  /**
   * The book's Eq 6.2, whose level sets x²/20 + y² = L are ellipses with semi-axes √(20L) and √L.
   */
  private static final DoubleBinaryOperator BOOK = (x, y) -> x * x / 20 + y * y;

  private static final Bounds BOOK_BOUNDS = new Bounds(-10, 10, -5, 5);
  private static final int COLUMNS = 200;
  private static final int ROWS = 100;

  /**
   * Along a vertical cell edge f = c + y², whose linear interpolant over a step h is off by at most
   * max|f''| h²/8 = h²/4; along a horizontal edge by h²/40. So every traced point has |f - L| ≤
   * h²/4.
   */
  private static final double H = 0.1;

  private static final double TOLERANCE = H * H / 4 + 1e-12;

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.5, 1, 2, 4.5})
  void aLevelInsideTheBoundsIsOneClosedCurveOnTheAnalyticEllipse(double level) {
    List<Polyline> lines = ContourLines.sample(BOOK, BOOK_BOUNDS, COLUMNS, ROWS).levelSet(level);

    assertEquals(1, lines.size(), "one ellipse");
    Polyline ellipse = lines.get(0);
    assertTrue(ellipse.isClosed(), ellipse.toString());
    for (int i = 0; i < ellipse.size(); i++) {
      double f = BOOK.applyAsDouble(ellipse.x(i), ellipse.y(i));
      assertEquals(
          level, f, TOLERANCE, "point " + i + " (" + ellipse.x(i) + ", " + ellipse.y(i) + ")");
    }
    double analyticArea = Math.PI * Math.sqrt(20 * level) * Math.sqrt(level);
    assertEquals(
        analyticArea, Math.abs(shoelaceArea(ellipse)), 0.02 * analyticArea, "enclosed area");
    assertEquals(
        Math.sqrt(20 * level), max(ellipse.xs()), 0.02 * Math.sqrt(20 * level) + H, "x semi-axis");
    assertEquals(Math.sqrt(level), max(ellipse.ys()), 0.02 * Math.sqrt(level) + H, "y semi-axis");
  }

  @Test
  void aLevelCutByTheBoundsIsTwoOpenArcsEndingOnTheLeftAndRightEdges() {
    // x semi-axis √(20·9) ≈ 13.4 > 10, y semi-axis 3 < 5: the ellipse leaves through x = ±10
    List<Polyline> arcs = ContourLines.sample(BOOK, BOOK_BOUNDS, COLUMNS, ROWS).levelSet(9);

    assertEquals(2, arcs.size());
    for (Polyline arc : arcs) {
      assertFalse(arc.isClosed(), arc.toString());
      assertEquals(10, Math.abs(arc.x(0)), 1e-9, arc.toString());
      assertEquals(10, Math.abs(arc.x(arc.size() - 1)), 1e-9, arc.toString());
      for (int i = 0; i < arc.size(); i++) {
        assertEquals(9, BOOK.applyAsDouble(arc.x(i), arc.y(i)), TOLERANCE);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9, 10})
  void shiftedAndStretchedEllipsesAreTracedToo(long seed) {
    Random rng = new Random(seed);
    double cx = rng.nextDouble() * 2 - 1;
    double cy = rng.nextDouble() * 2 - 1;
    double a = 0.5 + rng.nextDouble() * 3;
    double b = 0.5 + rng.nextDouble() * 3;
    double level = 0.2 + rng.nextDouble();
    DoubleBinaryOperator f = (x, y) -> (x - cx) * (x - cx) / a + (y - cy) * (y - cy) / b;
    double step = 0.02;
    List<Polyline> lines =
        ContourLines.sample(f, new Bounds(-5, 5, -5, 5), 500, 500).levelSet(level);

    assertEquals(1, lines.size());
    Polyline ellipse = lines.get(0);
    assertTrue(ellipse.isClosed());
    double bound = Math.max(2 / a, 2 / b) * step * step / 8 + 1e-12;
    for (int i = 0; i < ellipse.size(); i++) {
      assertEquals(level, f.applyAsDouble(ellipse.x(i), ellipse.y(i)), bound);
    }
    double analyticArea = Math.PI * Math.sqrt(a * level) * Math.sqrt(b * level);
    assertEquals(analyticArea, Math.abs(shoelaceArea(ellipse)), 0.01 * analyticArea);
  }

  @Test
  void aSaddleCellKeepsTheTwoBranchesOfAHyperbolaApart() {
    // x·y = 0.001 on a 9x9 grid over [-1, 1]²: the middle cell holds the origin and is a saddle
    DoubleBinaryOperator f = (x, y) -> x * y;
    List<Polyline> branches =
        ContourLines.sample(f, new Bounds(-1, 1, -1, 1), 9, 9).levelSet(0.001);

    assertEquals(2, branches.size());
    for (Polyline branch : branches) {
      double sign = Math.signum(branch.x(0));
      for (int i = 0; i < branch.size(); i++) {
        // x·y is linear along every cell edge, so the interpolated crossings are exact
        assertEquals(0.001, branch.x(i) * branch.y(i), 1e-12);
        assertEquals(
            sign, Math.signum(branch.x(i)), "a branch crossed into the other quadrant: " + branch);
      }
    }
    assertEquals(
        0,
        Math.signum(branches.get(0).x(0)) + Math.signum(branches.get(1).x(0)),
        "one branch per quadrant");
  }

  @Test
  void cellsWithANonFiniteCornerAreSkipped() {
    DoubleBinaryOperator leftHalfOnly = (x, y) -> x <= 0 ? BOOK.applyAsDouble(x, y) : Double.NaN;
    List<Polyline> lines =
        ContourLines.sample(leftHalfOnly, BOOK_BOUNDS, COLUMNS, ROWS).levelSet(2);

    assertEquals(1, lines.size(), "only the left half of the ellipse");
    assertFalse(lines.get(0).isClosed());
    assertTrue(max(lines.get(0).xs()) <= 0, lines.get(0).toString());
  }

  @Test
  void aLevelThatIsNeverReachedHasNoCurves() {
    assertTrue(ContourLines.sample(BOOK, BOOK_BOUNDS, 20, 10).levelSet(100).isEmpty());
    assertTrue(ContourLines.sample(BOOK, BOOK_BOUNDS, 20, 10).levelSet(-1).isEmpty());
  }

  @Test
  void defaultLevelsAreQuadraticallySpacedBetweenTheSampledMinimumAndMaximum() {
    ContourLines contours = ContourLines.sample(BOOK, BOOK_BOUNDS, COLUMNS, ROWS);
    assertEquals(0, contours.min(), 1e-12, "the grid contains the origin");
    assertEquals(30, contours.max(), 1e-12, "100/20 + 25 at the corners");
    double[] expected = new double[4];
    for (int k = 1; k <= 4; k++) {
      expected[k - 1] = 30.0 * k * k / 25;
    }
    assertArrayEquals(expected, contours.levels(4), 1e-12);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(
        IllegalArgumentException.class, () -> ContourLines.sample(BOOK, BOOK_BOUNDS, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> new Bounds(1, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Bounds(0, Double.NaN, 0, 1));
    ContourLines contours = ContourLines.sample(BOOK, BOOK_BOUNDS, 4, 4);
    assertThrows(IllegalArgumentException.class, () -> contours.levelSet(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> contours.levels(0));
    var constant = ContourLines.sample((x, y) -> 3, BOOK_BOUNDS, 4, 4);
    var error = assertThrows(IllegalStateException.class, () -> constant.levels(3));
    assertTrue(error.getMessage().contains("constant"), error.getMessage());
  }

  private static double shoelaceArea(Polyline line) {
    double twiceArea = 0;
    for (int i = 0; i + 1 < line.size(); i++) {
      twiceArea += line.x(i) * line.y(i + 1) - line.x(i + 1) * line.y(i);
    }
    return twiceArea / 2;
  }

  private static double max(double[] values) {
    double largest = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      largest = Math.max(largest, v);
    }
    return largest;
  }
}
