package dev.tapegrad.autograd.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link UnaryOp} loops that gain most from SIMD, written with the JDK's incubating Vector
 * API, whose {@code EXP} the JIT compiles to Intel's SVML routines (about 0.9 ns per value here
 * against 5.6 ns for {@code Math.exp} in a loop). Only {@link UnaryOp} calls this class, and only
 * when the JVM was started with {@code --add-modules jdk.incubator.vector}; each loop ends with
 * the scalar code for the elements that do not fill a whole vector.
 */
final class VectorLoops {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private VectorLoops() {}

  /** {@code op}'s SIMD loop over {@code [from, to)}. */
  static void run(UnaryOp op, double[] x, double[] out, int from, int to) {
    switch (op) {
      case EXP -> exp(x, out, from, to);
      case SIGMOID -> sigmoid(x, out, from, to);
      default -> throw new IllegalArgumentException("no SIMD loop for " + op);
    }
  }

  private static void exp(double[] x, double[] out, int from, int to) {
    int i = from;
    for (int upper = from + SPECIES.loopBound(to - from); i < upper; i += SPECIES.length()) {
      DoubleVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.EXP).intoArray(out, i);
    }
    UnaryOp.EXP.runScalar(x, out, i, to);
  }

  /** The same formula as {@link UnaryOp#SIGMOID}, eight (or four) lanes at a time. */
  private static void sigmoid(double[] x, double[] out, int from, int to) {
    int i = from;
    for (int upper = from + SPECIES.loopBound(to - from); i < upper; i += SPECIES.length()) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, x, i);
      DoubleVector e = v.abs().neg().lanewise(VectorOperators.EXP);
      DoubleVector ofPositive = DoubleVector.broadcast(SPECIES, 1.0).div(e.add(1.0));
      ofPositive.blend(e.mul(ofPositive), v.compare(VectorOperators.LT, 0.0)).intoArray(out, i);
    }
    UnaryOp.SIGMOID.runScalar(x, out, i, to);
  }
}
