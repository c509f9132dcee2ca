package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.kernels.Im2col;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** {@link Im2col#im2col} and {@link Im2col#col2im} for every convolution and pooling shape. */
public class Im2colBenchmark extends BenchmarkDefaults {
  @Param({"SIMPLE_CONV1", "SIMPLE_POOL1", "DEEP_CONV1", "DEEP_CONV2", "DEEP_CONV4", "DEEP_CONV6"})
  public ConvShape layer;

  private double[] image;
  private double[] columns;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(2);
    image = rng.doubles(layer.imageSize()).toArray();
    columns = rng.doubles(layer.columnsSize()).toArray();
  }

  @Benchmark
  public double[] im2col() {
    ConvShape s = layer;
    return Im2col.im2col(
        image, ConvShape.BATCH, s.c, s.h, s.w, s.window, s.window, s.stride, s.pad);
  }

  @Benchmark
  public double[] col2im() {
    ConvShape s = layer;
    return Im2col.col2im(
        columns, ConvShape.BATCH, s.c, s.h, s.w, s.window, s.window, s.stride, s.pad);
  }
}
