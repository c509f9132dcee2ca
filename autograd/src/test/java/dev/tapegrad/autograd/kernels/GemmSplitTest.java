package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Products cut into parts by {@link Gemm} (rows, columns or k) equal a naive triple loop, however
 * they are cut, also when many run at once; and native OpenBLAS runs on one thread.
 */
class GemmSplitTest {

  /** (m, n, k) shapes: odd sizes, sizes below the number of parts, k = 0, m or n = 1. */
  private static final int[][] SMALL_SHAPES = {
    {7, 5, 3},
    {13, 17, 19},
    {1, 9, 4},
    {9, 1, 4},
    {1, 1, 7},
    {2, 3, 11},
    {3, 2, 1},
    {4, 6, 0},
    {1, 1, 1},
  };

  static Stream<Arguments> everySplitOfSmallShapes() {
    List<Arguments> cases = new ArrayList<>();
    for (int[] shape : SMALL_SHAPES) {
      for (GemmSplit split : GemmSplit.values()) {
        for (int parts : new int[] {1, 2, 3, 5}) {
          if (split != GemmSplit.NONE || parts == 1) {
            for (int variant = 0; variant < 8; variant++) {
              cases.add(Arguments.of(split, parts, shape[0], shape[1], shape[2], variant));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  /** {@code variant}'s three bits: transpose A, transpose B, accumulate. */
  @ParameterizedTest(name = "{0} in {1} parts, m={2} n={3} k={4}, variant {5}")
  @MethodSource("everySplitOfSmallShapes")
  void everySplitMatchesTheTripleLoop(
      GemmSplit split, int parts, int m, int n, int k, int variant) {
    Case c = new Case(new Random(variant * 31L + m * 7L + n * 3L + k), m, n, k, variant);
    Gemm.multiplyInto(split, parts, c.a, 0, c.transA, c.b, c.transB, m, n, k, c.out, c.accumulate);
    assertArrayEquals(c.expected(), c.out, 1e-12);
  }

  /** A stored inside a larger array (as a slice of a data set is), NaN around it. */
  @ParameterizedTest(name = "{0} in {1} parts, m={2} n={3} k={4}, variant {5}")
  @MethodSource("everySplitOfSmallShapes")
  void everySplitReadsAFromItsOffset(GemmSplit split, int parts, int m, int n, int k, int variant) {
    Case c = new Case(new Random(variant * 17L + m * 5L + n + k), m, n, k, variant);
    int offset = 3 + m;
    double[] padded = new double[offset + c.a.length + 5];
    java.util.Arrays.fill(padded, Double.NaN);
    System.arraycopy(c.a, 0, padded, offset, c.a.length);
    Gemm.multiplyInto(
        split, parts, padded, offset, c.transA, c.b, c.transB, m, n, k, c.out, c.accumulate);
    assertArrayEquals(c.expected(), c.out, 1e-12);
  }

  static Stream<Arguments> networkShapes() {
    return Stream.of(
        Arguments.of(57600, 30, 25, GemmSplit.ROWS), // the book's convolution: im2col · W
        Arguments.of(25, 30, 57600, GemmSplit.DEPTH), // its weight gradient: colᵀ · dout
        Arguments.of(30, 57600, 25, GemmSplit.COLUMNS), // conv2d forward: W · columns
        Arguments.of(25, 57600, 30, GemmSplit.COLUMNS), // conv2d input gradient: Wᵀ · gy
        Arguments.of(30, 25, 57600, GemmSplit.DEPTH), // conv2d filter gradient: gy · columnsᵀ
        Arguments.of(100, 100, 4320, GemmSplit.DEPTH), // Affine 4320-100 weight gradient
        Arguments.of(1, 50, 784, GemmSplit.DEPTH), // Affine 784-50 at batch 1: B is the cost
        Arguments.of(1, 100, 50, GemmSplit.NONE), // Affine 50-100 at batch 1: B is small
        Arguments.of(100, 10, 100, GemmSplit.NONE)); // small: stays on the calling thread
  }

  @ParameterizedTest(name = "m={0} n={1} k={2}: {3}")
  @MethodSource("networkShapes")
  void networkShapesSplitAsIntendedAndMatchTheTripleLoop(int m, int n, int k, GemmSplit split) {
    assertEquals(split, GemmSplit.choose(m, n, k, 2));
    assertEquals(GemmSplit.NONE, GemmSplit.choose(m, n, k, 1));
    for (int variant = 0; variant < 8; variant++) {
      Case c = new Case(new Random(variant), m, n, k, variant);
      Gemm.multiplyInto(c.a, c.transA, c.b, c.transB, m, n, k, c.out, c.accumulate);
      assertArrayEquals(c.expected(), c.out, 1e-9);
    }
  }

  @Test
  void concurrentSplitProductsMatchTheTripleLoop() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int task = 0; task < 32; task++) {
        GemmSplit split = GemmSplit.values()[task % 4];
        int m = 40 + task;
        int n = 30 + 2 * task;
        int k = 50 + 3 * task;
        Case c = new Case(new Random(task), m, n, k, task % 8);
        running.add(
            pool.submit(
                () -> {
                  Gemm.multiplyInto(
                      split, 3, c.a, 0, c.transA, c.b, c.transB, m, n, k, c.out, c.accumulate);
                  assertArrayEquals(c.expected(), c.out, 1e-10);
                  return null;
                }));
      }
      for (Future<?> product : running) {
        product.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void loadedOpenBlasIsSetToOneThread() {
    Gemm.implementation();
    assumeTrue(OpenBlasThreads.loadedLibrary().isPresent(), "no OpenBLAS in this process");
    assertEquals(OptionalInt.of(1), OpenBlasThreads.current());
  }

  @Test
  void pureJavaBlasLoadsNoOpenBlas() {
    assumeTrue(!Gemm.implementation().equals("JNIBLAS"), "native BLAS in use");
    assertTrue(OpenBlasThreads.loadedLibrary().isEmpty());
    assertTrue(OpenBlasThreads.current().isEmpty());
  }

  /** Random operands of one product, an output to write (or add) into, and its reference. */
  private static final class Case {
    final int m;
    final int n;
    final int k;
    final boolean transA;
    final boolean transB;
    final boolean accumulate;
    final double[] a;
    final double[] b;
    final double[] out;
    private final double[] before;

    Case(Random rng, int m, int n, int k, int variant) {
      this.m = m;
      this.n = n;
      this.k = k;
      this.transA = (variant & 1) != 0;
      this.transB = (variant & 2) != 0;
      this.accumulate = (variant & 4) != 0;
      this.a = rng.doubles((long) m * k, -1, 1).toArray();
      this.b = rng.doubles((long) k * n, -1, 1).toArray();
      this.before = rng.doubles((long) m * n, -1, 1).toArray();
      this.out = before.clone();
    }

    /** {@code op(A)·op(B)}, plus the output's first values when accumulating, one sum at a time. */
    double[] expected() {
      double[] c = new double[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = accumulate ? before[i * n + j] : 0;
          for (int p = 0; p < k; p++) {
            double left = transA ? a[p * m + i] : a[i * k + p];
            double right = transB ? b[j * k + p] : b[p * n + j];
            sum += left * right;
          }
          c[i * n + j] = sum;
        }
      }
      return c;
    }
  }
}
