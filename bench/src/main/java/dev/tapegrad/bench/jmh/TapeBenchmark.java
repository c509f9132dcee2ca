package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * The tape's own cost per recorded node: a chain of {@value #NODES} multiplications of a
 * one-element tensor, without a tape, recorded, and recorded plus backward. Scores are per op, so
 * {@code recorded − untaped} is the recording cost of one node and {@code recordedBackward −
 * recorded} the backward cost of one node.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TapeBenchmark extends BenchmarkDefaults {
  static final int NODES = 1000;

  private Tensor x;

  @Setup
  public void setUp() {
    x = Tensor.scalar(1.0).requiresGrad();
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  public Tensor untaped() {
    return chain();
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  @SuppressWarnings("try") // the open tape records; its variable is not needed
  public Tensor recorded() {
    try (Tape tape = Tape.record()) {
      return chain();
    }
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  public Tensor recordedBackward() {
    x.zeroGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(chain());
    }
    return x.grad();
  }

  private Tensor chain() {
    Tensor y = x;
    for (int i = 0; i < NODES; i++) {
      y = y.mul(1.0001);
    }
    return y;
  }
}
