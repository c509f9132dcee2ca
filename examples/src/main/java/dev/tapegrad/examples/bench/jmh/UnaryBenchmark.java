package dev.tapegrad.examples.bench.jmh;

import dev.tapegrad.autograd.kernels.UnaryOp;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The one-input kernels behind ReLU and sigmoid/softmax ({@link UnaryOp}) on the output of
 * SimpleConvNet's convolution, (100, 30, 24, 24).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class UnaryBenchmark {
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
