package dev.tapegrad.bench.jmh;

import dev.tapegrad.bench.PreparedStep;
import dev.tapegrad.bench.TapegradPeer;
import dev.tapegrad.bench.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole tapegrad training step (forward, backward, update), the same step the runner times; under
 * JMH's gc profiler its {@code gc.alloc.rate.norm} is the bytes allocated per step.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TrainingStepBenchmark extends BenchmarkDefaults {
  @Param({"two-layer-sgd", "mlp-adam", "simple-conv-adam"})
  public String workload;

  private PreparedStep step;

  @Setup
  public void setUp() {
    step = new TapegradPeer().prepare(Workload.byId(workload));
  }

  @Benchmark
  public void step() {
    step.run();
  }

  @TearDown
  public void tearDown() {
    step.close();
  }
}
