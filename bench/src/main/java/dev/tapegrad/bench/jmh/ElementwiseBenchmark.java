package dev.tapegrad.bench.jmh;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.kernels.BinaryOp;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Broadcasting binary kernels ({@link BinaryOp}) in the patterns the networks produce. */
public class ElementwiseBenchmark extends BenchmarkDefaults {
  /** A broadcasting pattern: the operation and both operand shapes. */
  public enum Case {
    /** Same shapes, no broadcasting: Affine1's input gradient times a mask. */
    SAME_MUL_100x4320(BinaryOp.MUL, new int[] {100, 4320}, new int[] {100, 4320}),
    /** A bias row added to every row: the convolution's {@code col·W + b}. */
    ROW_ADD_57600x30(BinaryOp.ADD, new int[] {57600, 30}, new int[] {30}),
    /** One value per row: softmax's {@code x − max(x, keepDims)}. */
    COLUMN_SUB_100x10(BinaryOp.SUB, new int[] {100, 10}, new int[] {100, 1}),
    /** A scalar: the loss scale and dropout's evaluation factor. */
    SCALAR_MUL_100x4320(BinaryOp.MUL, new int[] {100, 4320}, new int[] {1}),
    /** One value per channel of an NCHW tensor, broadcast over the middle axis. */
    CHANNEL_ADD_100x30x24x24(BinaryOp.ADD, new int[] {100, 30, 24, 24}, new int[] {30, 1, 1});

    final BinaryOp op;
    final int[] aShape;
    final int[] bShape;

    Case(BinaryOp op, int[] aShape, int[] bShape) {
      this.op = op;
      this.aShape = aShape;
      this.bShape = bShape;
    }
  }

  @Param public Case pattern;

  private double[] a;
  private double[] b;
  private int[] outShape;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(4);
    a = rng.doubles(-1, 1).limit(Shape.size(pattern.aShape)).toArray();
    b = rng.doubles(0.5, 1).limit(Shape.size(pattern.bShape)).toArray();
    outShape = Shape.broadcast(pattern.name(), pattern.aShape, pattern.bShape);
  }

  @Benchmark
  public double[] binary() {
    return pattern.op.apply(a, pattern.aShape, b, pattern.bShape, outShape);
  }
}
