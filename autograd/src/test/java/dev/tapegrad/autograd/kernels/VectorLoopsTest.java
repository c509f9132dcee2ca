package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD loops of {@link UnaryOp} against its scalar loops and against hand-worked values. The
 * test JVM has the Vector API module (the surefire configuration adds it), so {@code apply} takes
 * the SIMD path here; {@code runScalar} is the plain loop.
 */
class VectorLoopsTest {

  /** Odd lengths and offsets, so the scalar tail and a range not starting at 0 are covered. */
  static IntStream seeds() {
    return IntStream.range(0, 20);
  }

  @Test
  void theTestJvmRunsTheSimdLoops() {
    boolean switchedOff = "false".equals(System.getProperty("tapegrad.simd"));
    assertEquals(
        !switchedOff,
        UnaryOp.simd(),
        "surefire starts the tests with --add-modules jdk.incubator.vector");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void simdAndScalarLoopsAgreeWithinTwoUlp(int seed) {
    Random rng = new Random(seed);
    int length = 1 + rng.nextInt(70);
    double[] x = new double[length];
    for (int i = 0; i < length; i++) {
      x[i] = rng.nextGaussian() * (seed < 10 ? 3 : 300);
    }
    int from = rng.nextInt(length);
    for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.SIGMOID}) {
      double[] simd = new double[length];
      double[] scalar = new double[length];
      VectorLoops.run(op, x, simd, from, length);
      op.runScalar(x, scalar, from, length);
      for (int i = 0; i < from; i++) {
        assertEquals(0.0, simd[i], op + ": nothing before the range is written");
      }
      for (int i = from; i < length; i++) {
        double tolerance = Double.isFinite(scalar[i]) ? 2 * Math.ulp(scalar[i]) : 0;
        assertEquals(scalar[i], simd[i], tolerance, op + " at x = " + x[i]);
      }
    }
  }

  /**
   * Where exp's result is subnormal, zero or infinite, or the argument is special; every value sits
   * in a whole vector (the array is padded to a multiple of the lane count), so none of them goes
   * to the scalar tail.
   */
  @Test
  void expAtTheEdgesOfItsRangeAgreesWithMathExp() {
    double[] edges = {
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      -745.2,
      -745.1,
      -744,
      -740,
      -730.3,
      -720,
      -709,
      -708.4,
      -708.39,
      -100.7,
      -1e-300,
      0,
      -0.0,
      1e-300,
      0.34657359,
      -0.34657359,
      0.5,
      700.1,
      709.7,
      709.78,
      709.79,
      710,
      800,
      -800,
      -1e6,
      1e6
    };
    int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    double[] x = java.util.Arrays.copyOf(edges, (edges.length + lanes - 1) / lanes * lanes);
    double[] simd = new double[x.length];
    VectorLoops.run(UnaryOp.EXP, x, simd, 0, x.length);
    for (int i = 0; i < edges.length; i++) {
      double expected = Math.exp(x[i]);
      String what = "exp(" + x[i] + ")";
      if (Double.isNaN(expected)) {
        assertTrue(Double.isNaN(simd[i]), what);
      } else if (Double.isInfinite(expected) || expected == 0) {
        assertEquals(expected, simd[i], 0, what);
      } else {
        assertEquals(expected, simd[i], 2 * Math.ulp(expected), what);
      }
    }
    assertEquals(Double.POSITIVE_INFINITY, simd[1], 0);
    assertEquals(0.0, simd[2], 0);
  }

  @Test
  void sigmoidMatchesHandValuesAndNeverOverflows() {
    double ln3 = Math.log(3);
    double[] x = {
      0,
      ln3,
      -ln3,
      800,
      -800,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN,
      -0.0,
      1,
      -1,
      2,
      3,
      4,
      5,
      6,
      7
    };
    double[] y = UnaryOp.SIGMOID.apply(x);
    assertEquals(0.5, y[0], 1e-16);
    assertEquals(0.75, y[1], 1e-15);
    assertEquals(0.25, y[2], 1e-15);
    assertEquals(1.0, y[3]);
    assertEquals(0.0, y[4]);
    assertEquals(1.0, y[5]);
    assertEquals(0.0, y[6]);
    assertTrue(Double.isNaN(y[7]));
    assertEquals(0.5, y[8]);
    // 1 / (1 + e^-1) = 0.7310585786300049 (e = 2.718281828459045)
    assertEquals(0.7310585786300049, y[9], 1e-15);
    assertEquals(1 - 0.7310585786300049, y[10], 1e-15);
  }

  @Test
  void expMatchesHandValues() {
    double[] y = UnaryOp.EXP.apply(new double[] {0, 1, -1, Math.log(10), 710, -746, 2, 3, 4});
    assertEquals(1.0, y[0]);
    assertEquals(Math.E, y[1], 1e-15);
    assertEquals(1 / Math.E, y[2], 1e-16);
    assertEquals(10.0, y[3], 1e-14);
    assertEquals(Double.POSITIVE_INFINITY, y[4]);
    assertEquals(0.0, y[5]);
  }
}
