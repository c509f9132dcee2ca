package dev.tapegrad.autograd;

import static dev.tapegrad.autograd.RecyclingTapeTest.onFreshThread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.ops.AffineMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Tape#inference()}: nothing is recorded, results are right while it is open, their arrays
 * are reused by the next inference tape, and what the caller owns survives. Each test runs on a
 * fresh thread, which starts with an empty pool.
 */
class InferenceTapeTest {
  /** Big enough (64 × 100 values) for the pool to keep the arrays. */
  private static final int ROWS = 64;

  private static Tensor[] layer(Random rng) {
    return new Tensor[] {
      Tensor.randn(rng, 30, 100).requiresGrad(), Tensor.randn(rng, 100).requiresGrad()
    };
  }

  @Test
  void nothingIsRecordedAndTheValuesAreThoseOfAPlainForwardPass() {
    onFreshThread(
        () -> {
          Random rng = new Random(1);
          Tensor[] p = layer(rng);
          Tensor x = Tensor.randn(rng, ROWS, 30);
          double[] expected = AffineMap.affine(x, p[0], p[1]).exp().data().clone();
          try (Tape tape = Tape.inference()) {
            Tensor y = AffineMap.affine(x, p[0], p[1]).exp();
            assertArrayEquals(expected, y.data(), 0);
            assertTrue(tape.nodes().isEmpty());
            assertNull(y.creator());
            assertTrue(!y.needsGrad());
          }
        });
  }

  @Test
  void theNextBatchReusesTheArraysAndOldResultsRefuseAccess() {
    onFreshThread(
        () -> {
          Random rng = new Random(2);
          Tensor[] p = layer(rng);
          Tensor data = Tensor.randn(rng, 2 * ROWS, 30);
          Tensor first;
          double[] firstArray;
          try (Tape tape = Tape.inference()) {
            first = AffineMap.affine(data.slice(0, ROWS), p[0], p[1]);
            firstArray = first.data();
          }
          IllegalStateException e = assertThrows(IllegalStateException.class, first::data);
          assertTrue(e.getMessage().contains("recycled"), e.getMessage());
          try (Tape tape = Tape.inference()) {
            Tensor second = AffineMap.affine(data.slice(ROWS, 2 * ROWS), p[0], p[1]);
            assertSame(firstArray, second.data(), "the second batch took the first one's array");
            // by hand, one entry: Σ_k x[ROWS][k]·W[k][0] + b[0]
            double byHand = p[1].get(0);
            for (int k = 0; k < 30; k++) {
              byHand += data.get(ROWS, k) * p[0].get(k, 0);
            }
            assertEquals(byHand, second.get(0, 0), 1e-12);
          }
        });
  }

  @Test
  void parametersInputsTheirViewsAndKeptResultsSurvive() {
    onFreshThread(
        () -> {
          Random rng = new Random(3);
          Tensor[] p = layer(rng);
          Tensor x = Tensor.randn(rng, ROWS, 30);
          double[] weights = p[0].data().clone();
          double[] inputs = x.data().clone();
          Tensor kept;
          Tensor flatWeights;
          try (Tape tape = Tape.inference()) {
            flatWeights = p[0].reshape(3000);
            kept = tape.keep(AffineMap.affine(x, p[0], p[1]).mul(2));
          }
          double[] keptValues = kept.data().clone();
          try (Tape tape = Tape.inference()) {
            AffineMap.affine(x, p[0], p[1]).mul(3).add(1);
            Tensor.randn(rng, 3000).mul(5);
          }
          assertArrayEquals(weights, p[0].data(), 0);
          assertArrayEquals(weights, flatWeights.data(), 0);
          assertArrayEquals(inputs, x.data(), 0);
          assertArrayEquals(keptValues, kept.data(), 0);
        });
  }

  @Test
  void oneTapeAroundALongLoopDoesNotKeepEveryResult() throws InterruptedException {
    Tensor x = Tensor.randn(new Random(5), 1000, 1000);
    try (Tape tape = Tape.inference()) {
      Tensor kept = x.mul(2);
      for (int i = 0; i < 50; i++) {
        x.mul(3).exp().sum(); // 8 MB results nobody keeps
      }
      for (int attempt = 0; attempt < 50 && tape.liveUnrecordedResults() > 1; attempt++) {
        System.gc();
        Thread.sleep(10);
      }
      assertEquals(1, tape.liveUnrecordedResults(), "only the result still referenced is held");
      assertEquals(2 * x.get(3, 4), kept.get(3, 4), 0);
    }
  }

  @Test
  void anInferenceTapeInsideATrainingTapeLeavesTheOuterGraphAlone() {
    onFreshThread(
        () -> {
          Random rng = new Random(4);
          Tensor[] p = layer(rng);
          Tensor x = Tensor.randn(rng, ROWS, 30);
          try (Tape outer = Tape.record()) {
            Tensor y = AffineMap.affine(x, p[0], p[1]).sum();
            try (Tape inner = Tape.inference()) {
              AffineMap.affine(x, p[0], p[1]).sum();
            }
            assertEquals(1 + 1, outer.nodes().size(), "affine and sum on the outer tape only");
            outer.backward(y);
          }
          assertArrayEquals(new double[] {ROWS, ROWS}, p[1].grad().slice(0, 2).toArray(), 0);
        });
  }
}
