package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD one-row product against a plain sum, for widths that use every block (four vectors, one
 * vector, single columns), depths that are not multiples of four, and a block of columns and rows
 * inside larger arrays (as {@link Gemm}'s splits pass it).
 */
class RowTimesMatrixTest {

  static IntStream seeds() {
    return IntStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void matchesThePlainSumForAnyBlockOffsetAndAccumulation(int seed) {
    Random rng = new Random(seed);
    int k = rng.nextInt(60);
    int n = 1 + rng.nextInt(80);
    int rowStride = n + rng.nextInt(7);
    int column = rowStride - n == 0 ? 0 : rng.nextInt(rowStride - n + 1);
    int firstRow = rng.nextInt(3);
    int xOffset = rng.nextInt(5);
    int yOffset = rng.nextInt(4);
    boolean accumulate = seed % 2 == 1;
    double[] x = new double[xOffset + k + 3];
    Arrays.fill(x, Double.NaN);
    for (int p = 0; p < k; p++) {
      x[xOffset + p] = rng.nextGaussian();
    }
    double[] w = rng.doubles((long) (firstRow + k + 1) * rowStride, -1, 1).toArray();
    int wOffset = firstRow * rowStride + column;
    double[] y = rng.doubles(yOffset + n + 2, -1, 1).toArray();
    double[] expected = y.clone();
    for (int j = 0; j < n; j++) {
      double sum = accumulate ? y[yOffset + j] : 0;
      for (int p = 0; p < k; p++) {
        sum += x[xOffset + p] * w[wOffset + p * rowStride + j];
      }
      expected[yOffset + j] = sum;
    }
    RowTimesMatrix.multiply(x, xOffset, w, wOffset, rowStride, k, n, y, yOffset, accumulate);
    assertArrayEquals(expected, y, 1e-12, "k=" + k + " n=" + n + " stride=" + rowStride);
  }

  @Test
  void theFirstLayerOfTheBookNetworkByHandDirectlyAndThroughGemm() {
    // x = (1, 2, ..., 784) / 784 and W[p][j] = (j + 1) for even p, −(j + 1) for odd p:
    // y[j] = (j + 1) · Σ_p (−1)^p (p + 1) / 784 = (j + 1) · (−392) / 784 = −(j + 1) / 2
    int k = 784;
    int n = 50;
    double[] x = new double[k];
    double[] w = new double[k * n];
    for (int p = 0; p < k; p++) {
      x[p] = (p + 1) / 784.0;
      for (int j = 0; j < n; j++) {
        w[p * n + j] = p % 2 == 0 ? j + 1 : -(j + 1);
      }
    }
    double[] direct = new double[n];
    RowTimesMatrix.multiply(x, 0, w, 0, n, k, n, direct, 0, false);
    double[] viaGemm = Gemm.multiply(x, false, w, false, 1, n, k);
    for (int j = 0; j < n; j++) {
      assertEquals(-(j + 1) / 2.0, direct[j], 1e-10 * (j + 1));
      assertEquals(-(j + 1) / 2.0, viaGemm[j], 1e-10 * (j + 1));
    }
  }
}
