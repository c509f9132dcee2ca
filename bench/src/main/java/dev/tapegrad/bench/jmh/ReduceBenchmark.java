package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.kernels.Reduce;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** {@link Reduce} sums and maxima in the shapes the networks' forward and backward passes use. */
public class ReduceBenchmark extends BenchmarkDefaults {
  /** A reduction: sum over the flagged axes, or max along one axis. */
  public enum Case {
    /** The convolution bias gradient: column sums of (57600, 30). */
    SUM_AXIS0_57600x30(new int[] {57600, 30}, new boolean[] {true, false}),
    /** Softmax's row sums of (100, 10). */
    SUM_AXIS1_100x10(new int[] {100, 10}, new boolean[] {false, true}),
    /** A sum of everything (the loss, weight decay). */
    SUM_ALL_100x4320(new int[] {100, 4320}, new boolean[] {true, true}),
    /** A per-channel sum of NCHW data (a bias gradient in NCHW layout). */
    SUM_AXES023_100x30x24x24(new int[] {100, 30, 24, 24}, new boolean[] {true, false, true, true}),
    /** SimpleConvNet's pooling: the max of each 2×2 window, one window per row. */
    MAX_AXIS1_432000x4(new int[] {432000, 4}, null),
    /** Softmax's row maxima. */
    MAX_AXIS1_100x10(new int[] {100, 10}, null);

    final int[] shape;
    final boolean[] sumAxes;

    Case(int[] shape, boolean[] sumAxes) {
      this.shape = shape;
      this.sumAxes = sumAxes;
    }
  }

  @Param public Case reduction;

  private double[] x;
  private int[] argmax;

  @Setup
  public void setUp() {
    x = new SplittableRandom(5).doubles(Shape.size(reduction.shape)).toArray();
    argmax = new int[reduction.shape[0]];
  }

  @Benchmark
  public double[] reduce() {
    return reduction.sumAxes != null
        ? Reduce.sum(x, reduction.shape, reduction.sumAxes)
        : Reduce.max(x, reduction.shape, 1, argmax);
  }
}
