package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.ops.AffineMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#slice} behaves as a copy of the rows, though it reads them in place until it has to
 * copy them: writes on either side never show on the other.
 */
class SliceTest {
  private static Tensor rows4x3() {
    return Tensor.arange(12).reshape(4, 3).detach();
  }

  @Test
  void aSliceHoldsTheRowsAndReadsThemInPlaceUntilItsDataIsTaken() {
    Tensor x = rows4x3();
    Tensor s = x.slice(1, 3);
    assertTrue(s.isUnreadSlice());
    assertSame(x.readInPlace().array(), s.readInPlace().array());
    assertEquals(3, s.readInPlace().offset());
    assertArrayEquals(new int[] {2, 3}, s.shape());
    assertEquals(6, s.size());
    assertArrayEquals(new double[] {3, 4, 5, 6, 7, 8}, s.data());
    assertFalse(s.isUnreadSlice());
    assertEquals(0, s.readInPlace().offset());
  }

  @Test
  void writingIntoTheSourceAfterSlicingLeavesTheSliceAsItWas() {
    Tensor x = rows4x3();
    Tensor s = x.slice(2, 4);
    Tensor ofView = x.view(12).slice(0, 2);
    x.set(-1, 2, 0);
    x.data()[11] = -2;
    assertArrayEquals(new double[] {6, 7, 8, 9, 10, 11}, s.data());
    assertArrayEquals(new double[] {0, 1}, ofView.data());
    assertEquals(-1, x.get(2, 0));
  }

  @Test
  void writingThroughAViewOfTheSourceAlsoCopiesTheRowsOutFirst() {
    Tensor x = rows4x3();
    Tensor s = x.slice(0, 1);
    Tensor flat = x.reshape(12);
    flat.data()[0] = 100;
    assertArrayEquals(new double[] {0, 1, 2}, s.data());
    assertEquals(100, x.get(0, 0));
  }

  @Test
  void writingIntoTheSliceLeavesTheSourceAsItWas() {
    Tensor x = rows4x3();
    Tensor s = x.slice(1, 2);
    s.set(42, 0, 1);
    assertEquals(42, s.get(0, 1));
    assertEquals(4, x.get(1, 1));
  }

  @Test
  void aSliceOfASliceAndViewsOfASliceHoldTheRightRows() {
    Tensor x = rows4x3();
    Tensor inner = x.slice(1, 4).slice(1, 3);
    assertEquals(6, inner.readInPlace().offset());
    assertArrayEquals(new double[] {6, 7, 8, 9, 10, 11}, inner.reshape(6).data());
    assertArrayEquals(new double[] {3, 4, 5}, x.slice(1, 2).detach().data());
    assertArrayEquals(new double[] {9, 10, 11}, x.slice(3, 4).copy().data());
    assertEquals(0, x.slice(4, 4).size());
  }

  @Test
  void affineReadsASliceInPlaceAndGivesWhatACopyGives() {
    Random rng = new Random(5);
    Tensor x = Tensor.randn(rng, 7, 4);
    Tensor w = Tensor.randn(rng, 4, 3);
    Tensor b = Tensor.randn(rng, 3);
    Tensor s = x.slice(2, 6);
    Tensor y = AffineMap.affine(s, w, b);
    assertTrue(s.isUnreadSlice(), "affine copied nothing");
    Tensor expected = AffineMap.affine(Tensor.of(s.copy().data(), 4, 4), w, b);
    assertArrayEquals(expected.data(), y.data(), 1e-12);
    // by hand, one entry: y[0][0] = Σ_k x[2][k]·w[k][0] + b[0]
    double byHand = b.get(0);
    for (int k = 0; k < 4; k++) {
      byHand += x.get(2, k) * w.get(k, 0);
    }
    assertEquals(byHand, y.get(0, 0), 1e-12);
  }

  @Test
  void aSlicedDataSetGivesParameterGradientsThroughAffine() {
    Random rng = new Random(6);
    Tensor x = Tensor.randn(rng, 6, 3);
    Tensor w = Tensor.randn(rng, 3, 2).requiresGrad();
    Tensor b = Tensor.zeros(2).requiresGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(AffineMap.affine(x.slice(3, 6), w, b).sum());
    }
    // d(Σ y)/dW[k][j] = Σ over the three sliced rows of x[i][k], the same for both columns j
    for (int k = 0; k < 3; k++) {
      double columnSum = x.get(3, k) + x.get(4, k) + x.get(5, k);
      assertEquals(columnSum, w.grad().get(k, 0), 1e-12);
      assertEquals(columnSum, w.grad().get(k, 1), 1e-12);
    }
    assertArrayEquals(new double[] {3, 3}, b.grad().data(), 0);
  }

  @Test
  void threadsSlicingAndReadingOneDataSetAllSeeTheirRows() throws Exception {
    Tensor data = Tensor.arange(4000).reshape(1000, 4).detach();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
      for (int task = 0; task < 8; task++) {
        int seed = task;
        running.add(
            pool.submit(
                () -> {
                  Random rng = new Random(seed);
                  for (int i = 0; i < 2000; i++) {
                    int start = rng.nextInt(1000);
                    Tensor s = data.slice(start, start + 1);
                    if (i % 3 == 0) {
                      data.data(); // a reader of the source: copies every unread slice out
                    }
                    assertEquals(4 * start + 3, s.get(0, 3), 0);
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aSliceOfARecycledResultKeepsItsRows() {
    RecyclingTapeTest.onFreshThread(
        () -> {
          Tensor x = Tensor.arange(8192).reshape(2, 4096).detach();
          Tensor first;
          Tensor ofDetached;
          try (Tape tape = Tape.inference()) {
            first = x.mul(2).slice(1, 2);
          }
          Tensor p = Tensor.zeros(8192).requiresGrad();
          try (Tape tape = Tape.record().recycling()) {
            ofDetached = p.add(x.reshape(8192)).detach().slice(4096, 4100);
          }
          x.mul(3).neg(); // takes the recycled arrays from the pool and overwrites them
          assertEquals(2 * 4096, first.get(0, 0), 0);
          assertEquals(2 * 8191, first.get(0, 4095), 0);
          assertArrayEquals(new double[] {4096, 4097, 4098, 4099}, ofDetached.data(), 0);
        });
  }

  @Test
  void badRangesAndRecordedSlicesAreRefused() {
    Tensor x = rows4x3();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.slice(3, 5));
    assertTrue(
        e.getMessage().contains("slice") && e.getMessage().contains("(4,3)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> x.slice(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> x.slice(2, 1));
    assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1).slice(0, 0));
    Tensor p = Tensor.zeros(2, 2).requiresGrad();
    try (Tape tape = Tape.record()) {
      assertThrows(IllegalStateException.class, () -> p.slice(0, 1));
    }
  }
}
