package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.nn.Pooling;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The 2×2 max-pooling layer of SimpleConvNet and DeepConvNet: forward alone (no tape), and forward
 * recorded plus backward (the backward's cost is the difference).
 */
public class PoolingBenchmark extends BenchmarkDefaults {
  @Param({"SIMPLE_POOL1", "DEEP_POOL1", "DEEP_POOL2", "DEEP_POOL3"})
  public ConvShape layer;

  private final Pooling pooling = new Pooling("Pool");
  private Tensor x;
  private Tensor seed;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(3);
    x = Tensor.wrap(rng.doubles(layer.imageSize()).toArray(), layer.imageShape()).requiresGrad();
    seed = Tensor.ones(pooling.apply(x).shape());
  }

  @Benchmark
  public Tensor forward() {
    return pooling.apply(x);
  }

  @Benchmark
  public Tensor forwardBackward() {
    x.zeroGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(pooling.apply(x), seed);
    }
    return x.grad();
  }
}
