package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.ops.AffineMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#slice} is a view of the rows, as NumPy's {@code x[start:end]}: no copy, and writes
 * on either side show on the other.
 */
class SliceTest {
  private static Tensor rows4x3() {
    return Tensor.arange(12).reshape(4, 3).detach();
  }

  @Test
  void aSliceReadsItsRowsInItsSourcesArray() {
    Tensor x = rows4x3();
    Tensor s = x.slice(1, 3);
    assertSame(x.readInPlace().array(), s.readInPlace().array());
    assertEquals(3, s.readInPlace().offset());
    assertArrayEquals(new int[] {2, 3}, s.shape());
    assertEquals(6, s.size());
    assertArrayEquals(new double[] {3, 4, 5, 6, 7, 8}, s.toArray());
    assertEquals(7, s.get(1, 1));
  }

  @Test
  void aPartialSliceHasNoArrayOfItsOwnToWriteInto() {
    Tensor x = rows4x3();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.slice(1, 3).data());
    assertTrue(
        e.getMessage().contains("(2,3)") && e.getMessage().contains("toArray()"), e.getMessage());
    assertSame(x.data(), x.slice(0, 4).data(), "all the rows: the source's own array");
    Tensor own = x.slice(1, 3).copy();
    own.data()[0] = -7;
    assertEquals(3, x.get(1, 0), "a copy is the slice's own");
  }

  @Test
  void writesOnEitherSideShowOnTheOther() {
    Tensor x = rows4x3();
    Tensor s = x.slice(2, 4);
    Tensor ofView = x.view(12).slice(0, 2);
    x.set(-1, 2, 0);
    x.data()[0] = 100;
    assertArrayEquals(new double[] {-1, 7, 8, 9, 10, 11}, s.toArray());
    assertArrayEquals(new double[] {100, 1}, ofView.toArray());
    s.set(42, 1, 2);
    assertEquals(42, x.get(3, 2));
  }

  @Test
  void aSliceOfASliceAndViewsOfASliceHoldTheRightRows() {
    Tensor x = rows4x3();
    Tensor inner = x.slice(1, 4).slice(1, 3);
    assertEquals(6, inner.readInPlace().offset());
    assertArrayEquals(new double[] {6, 7, 8, 9, 10, 11}, inner.reshape(6).toArray());
    assertArrayEquals(new double[] {3, 4, 5}, x.slice(1, 2).detach().toArray());
    assertArrayEquals(new double[] {9, 10, 11}, x.slice(3, 4).copy().data());
    assertEquals(0, x.slice(4, 4).size());
    assertEquals(0, x.slice(4, 4).toArray().length);
  }

  @Test
  void opsOnASliceSeeOnlyItsRows() {
    Tensor x = rows4x3();
    Tensor s = x.slice(1, 3);
    assertArrayEquals(new double[] {6, 8, 10, 12, 14, 16}, s.mul(2).data());
    assertArrayEquals(new double[] {9, 11, 13}, s.sum(0).data());
    assertArrayEquals(new double[] {3, 6, 4, 7, 5, 8}, s.transpose().data());
    assertEquals(8, s.max().item());
    assertTrue(s.allClose(Tensor.of(new double[] {3, 4, 5, 6, 7, 8}, 2, 3)));
    assertEquals("[[3. 4. 5.]\n [6. 7. 8.]]", s.toString());
  }

  @Test
  void affineReadsASliceInPlaceAndGivesWhatACopyGives() {
    Random rng = new Random(5);
    Tensor x = Tensor.randn(rng, 7, 4);
    Tensor w = Tensor.randn(rng, 4, 3);
    Tensor b = Tensor.randn(rng, 3);
    Tensor s = x.slice(2, 6);
    Tensor y = AffineMap.affine(s, w, b);
    Tensor expected = AffineMap.affine(s.copy(), w, b);
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
                    Tensor s = data.slice(start, start + 1).reshape(2, 2);
                    assertEquals(4 * start + 3, s.get(1, 1), 0);
                    assertEquals(16 * start + 6, s.sum().item(), 0);
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
  void aSliceOfARecycledResultGoesWithItUnlessKept() {
    RecyclingTapeTest.onFreshThread(
        () -> {
          Tensor x = Tensor.arange(8192).reshape(2, 4096).detach();
          Tensor dropped;
          Tensor kept;
          try (Tape tape = Tape.inference()) {
            dropped = x.mul(2).slice(1, 2);
            kept = tape.keep(x.mul(3)).slice(1, 2);
          }
          x.mul(4).neg(); // takes the recycled arrays from the pool and overwrites them
          IllegalStateException e = assertThrows(IllegalStateException.class, dropped::toArray);
          assertTrue(e.getMessage().contains("tape.keep(t)"), e.getMessage());
          assertEquals(3 * 4096, kept.get(0, 0), 0);
          assertEquals(3 * 8191, kept.get(0, 4095), 0);
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
