package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.kernels.UnaryOp;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The one-input kernels behind ReLU and sigmoid/softmax ({@link UnaryOp}) on the output of
 * SimpleConvNet's convolution, (100, 30, 24, 24).
 */
public class UnaryBenchmark extends BenchmarkDefaults {
  private double[] x;

  @Setup
  public void setUp() {
    x = new SplittableRandom(6).doubles(100 * 30 * 24 * 24, -1, 1).toArray();
  }

  @Benchmark
  public double[] relu() {
    return UnaryOp.RELU.apply(x);
  }

  @Benchmark
  public double[] exp() {
    return UnaryOp.EXP.apply(x);
  }
}
