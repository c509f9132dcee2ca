package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.Conv2d;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The convolution layers of SimpleConvNet and DeepConvNet, fused ({@code conv2d}) and composed the
 * book's way: forward alone (no tape), and forward recorded plus backward. As in the networks, the
 * input of a one-channel (first) layer is data that needs no gradient; deeper layers also compute
 * the input gradient.
 */
public class ConvolutionBenchmark extends BenchmarkDefaults {
  @Param({"SIMPLE_CONV1", "DEEP_CONV1", "DEEP_CONV2", "DEEP_CONV4", "DEEP_CONV6"})
  public ConvShape layer;

  @Param({"fused", "composed"})
  public String form;

  private Tensor x;
  private Tensor filters;
  private Tensor bias;
  private Tensor seed;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(4);
    ConvShape s = layer;
    x = Tensor.wrap(rng.doubles(s.imageSize()).toArray(), s.imageShape()).requiresGrad(s.c > 1);
    filters =
        Tensor.wrap(
                rng.doubles((long) s.outChannels * s.c * s.window * s.window).toArray(),
                s.outChannels,
                s.c,
                s.window,
                s.window)
            .requiresGrad();
    bias = Tensor.zeros(s.outChannels).requiresGrad();
    seed = Tensor.ones(convolve().shape());
  }

  /** The forward pass alone, outside a tape. */
  @Benchmark
  public Tensor forward() {
    return convolve();
  }

  /** The forward pass recorded, then the backward pass from a seed of ones. */
  @Benchmark
  public Tensor forwardBackward() {
    filters.zeroGrad();
    bias.zeroGrad();
    x.zeroGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(convolve(), seed);
    }
    return filters.grad();
  }

  private Tensor convolve() {
    return form.equals("fused")
        ? Conv2d.fused(x, filters, bias, layer.stride, layer.pad)
        : Conv2d.composed(x, filters, bias, layer.stride, layer.pad);
  }
}
