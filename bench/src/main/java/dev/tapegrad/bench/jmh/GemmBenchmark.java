package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.kernels.Gemm;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link Gemm#multiply} for the networks' matrix shapes, {@code m×k×n} (A is m×k after its
 * transpose flag, B k×n), in all four transpose combinations: Affine1 of TwoLayerNet and
 * SimpleConvNet, SimpleConvNet's convolution as a product, and 1024³.
 */
public class GemmBenchmark extends BenchmarkDefaults {
  @Param({"100x784x50", "100x4320x100", "57600x25x30", "1024x1024x1024"})
  public String shape;

  /** N or T for A, then for B: {@code NT} multiplies A by Bᵀ. */
  @Param({"NN", "NT", "TN", "TT"})
  public String transpose;

  private double[] a;
  private double[] b;
  private int m;
  private int k;
  private int n;
  private boolean transA;
  private boolean transB;

  @Setup
  public void setUp() {
    int[] mkn = dimensions(shape);
    m = mkn[0];
    k = mkn[1];
    n = mkn[2];
    transA = transpose.charAt(0) == 'T';
    transB = transpose.charAt(1) == 'T';
    SplittableRandom rng = new SplittableRandom(1);
    a = rng.doubles((long) m * k).toArray();
    b = rng.doubles((long) k * n).toArray();
  }

  @Benchmark
  public double[] multiply() {
    return Gemm.multiply(a, transA, b, transB, m, n, k);
  }

  /** Parses {@code m×k×n} written with {@code x}. */
  static int[] dimensions(String shape) {
    String[] parts = shape.split("x");
    return new int[] {
      Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])
    };
  }
}
