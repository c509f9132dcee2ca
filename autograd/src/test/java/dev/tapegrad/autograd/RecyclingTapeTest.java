package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.kernels.Workspace;
import dev.tapegrad.autograd.ops.AffineMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A tape closed with {@link Tape#recycling()}: same numbers as a plain tape, recycled values refuse
 * access, what the user still owns survives, and pooled arrays never leak old contents. Every test
 * runs on a fresh thread, so it starts with an empty pool of its own.
 */
class RecyclingTapeTest {
  private static final int STEPS = 3;
  private static final double LEARNING_RATE = 0.05;

  /** Flat indices into a (256, 200) value, with repeats and some {@code -1} (a zero). */
  private static final int[] GATHERED = new Random(10).ints(256 * 200, -1, 256 * 200).toArray();

  /** The networks the tests train: each builds its parameters and a batch from a seed. */
  private enum Net {
    /** A SimpleConvNet-sized graph: conv 30×5×5 on 8 MNIST-sized images, relu, two affine. */
    CONV {
      @Override
      Tensor[] parameters(Random rng) {
        return new Tensor[] {
          Tensor.randn(rng, 30, 1, 5, 5).mul(0.1), Tensor.randn(rng, 30).mul(0.1),
          Tensor.randn(rng, 30 * 24 * 24, 20).mul(0.01), Tensor.randn(rng, 20).mul(0.1),
          Tensor.randn(rng, 20, 10).mul(0.1), Tensor.zeros(10)
        };
      }

      @Override
      Tensor input(Random rng) {
        return Tensor.rand(rng, 8, 1, 28, 28);
      }

      @Override
      Tensor loss(Tensor x, Tensor[] p) {
        Tensor conv = x.conv2d(p[0], p[1], 1, 0).relu();
        Tensor hidden = AffineMap.affine(conv.reshape(8, -1), p[2], p[3]).relu();
        Tensor out = AffineMap.affine(hidden, p[4], p[5]);
        return out.mul(out).mean();
      }
    },
    /**
     * A plain chain of large elementwise ops, products, reductions and a gather, whose backward
     * adds into an array that must start as zeros.
     */
    CHAIN {
      @Override
      Tensor[] parameters(Random rng) {
        return new Tensor[] {Tensor.randn(rng, 256, 200).mul(0.1), Tensor.randn(rng, 200)};
      }

      @Override
      Tensor input(Random rng) {
        return Tensor.randn(rng, 256, 256);
      }

      @Override
      Tensor loss(Tensor x, Tensor[] p) {
        Tensor h = x.dot(p[0]).add(p[1]).relu();
        Tensor picked = h.gather(GATHERED, 256, 200);
        Tensor y = picked.mul(h).sub(h.exp().neg()).transpose().mul(0.5);
        return y.sum(0).pow(2).mean();
      }
    };

    abstract Tensor[] parameters(Random rng);

    abstract Tensor input(Random rng);

    abstract Tensor loss(Tensor x, Tensor[] parameters);
  }

  /** Losses and gradients of several SGD steps; each step's tape recycles or not. */
  private record Run(List<Double> losses, List<double[]> gradients) {
    static Run train(Net net, boolean recycling) {
      Random rng = new Random(11);
      Tensor[] p = net.parameters(rng);
      for (Tensor t : p) {
        t.requiresGrad();
      }
      Tensor x = net.input(rng);
      Run run = new Run(new ArrayList<>(), new ArrayList<>());
      for (int step = 0; step < STEPS; step++) {
        for (Tensor t : p) {
          t.zeroGrad();
        }
        Tape tape = Tape.record();
        try (Tape closing = recycling ? tape.recycling() : tape) {
          Tensor loss = net.loss(x, p);
          closing.backward(loss);
          run.losses.add(loss.item());
        }
        for (Tensor t : p) {
          run.gradients.add(t.grad().data().clone());
          double[] values = t.data();
          double[] g = t.grad().data();
          for (int i = 0; i < values.length; i++) {
            values[i] -= LEARNING_RATE * g[i];
          }
        }
      }
      return run;
    }

    void assertSameAs(Run other) {
      assertEquals(losses, other.losses);
      assertEquals(gradients.size(), other.gradients.size());
      for (int i = 0; i < gradients.size(); i++) {
        assertArrayEquals(gradients.get(i), other.gradients.get(i), "gradient " + i);
      }
    }
  }

  static <T> T onFreshThread(Supplier<T> body) {
    try {
      return CompletableFuture.supplyAsync(body, task -> new Thread(task).start()).get();
    } catch (Exception e) {
      throw new AssertionError(e.getCause() != null ? e.getCause() : e);
    }
  }

  static void onFreshThread(Runnable body) {
    onFreshThread(
        () -> {
          body.run();
          return null;
        });
  }

  private static void assertRecycled(Executable access) {
    IllegalStateException e = assertThrows(IllegalStateException.class, access);
    assertTrue(e.getMessage().contains("closed with recycling()"), e.getMessage());
    assertTrue(e.getMessage().contains("tape.keep(t)"), e.getMessage());
    assertTrue(e.getMessage().contains("copy()"), e.getMessage());
  }

  @Test
  void stepsGiveTheSameLossesAndGradientsWithAndWithoutRecycling() {
    for (Net net : Net.values()) {
      Run plain = onFreshThread(() -> Run.train(net, false));
      Run recycled = onFreshThread(() -> Run.train(net, true));
      plain.assertSameAs(recycled);
    }
  }

  @Test
  void laterOpsOnTheThreadReuseTheRecycledArrays() {
    onFreshThread(
        () -> {
          Tensor x = Tensor.randn(new Random(1), 300, 300).requiresGrad();
          double[] recycled;
          try (Tape tape = Tape.record().recycling()) {
            recycled = x.exp().storage().array();
          }
          assertTrue(Workspace.keptBytes() >= recycled.length * 8L);
          Tensor later = x.neg();
          assertSame(recycled, later.data());
          assertArrayEquals(x.copy().data(), later.neg().data());
        });
  }

  @Test
  void valuesOfTheClosedTapeRefuseAccessWithAMessage() {
    onFreshThread(
        () -> {
          Tensor x = Tensor.randn(new Random(2), 300, 300).requiresGrad();
          Tensor y;
          Tensor small;
          Tensor view;
          Tensor reshaped;
          Tensor gradient;
          try (Tape tape = Tape.record().recycling()) {
            y = x.exp();
            small = x.sum();
            view = y.detach();
            reshaped = y.reshape(-1);
            tape.backward(y.mul(y).sum());
            gradient = tape.gradOf(y);
            assertNotNull(gradient);
            y.data();
          }
          for (Tensor t : List.of(y, small, view, reshaped, gradient)) {
            assertRecycled(t::data);
            assertRecycled(t::toString);
            assertRecycled(t::copy);
            assertRecycled(() -> t.add(1));
          }
          assertRecycled(small::item);
          assertRecycled(() -> y.get(0, 0));
          assertRecycled(() -> y.set(1, 0, 0));
          assertArrayEquals(new int[] {300, 300}, y.shape());
        });
  }

  @Test
  void leavesTheirGradientsKeptValuesAndViewsOfParametersSurvive() {
    onFreshThread(
        () -> {
          Random rng = new Random(3);
          Tensor w = Tensor.randn(rng, 300, 300).requiresGrad();
          Tensor b = Tensor.randn(rng, 300, 300).requiresGrad();
          Tensor input = Tensor.randn(rng, 300, 300);
          double[] wBefore = w.data().clone();
          double[] inputBefore = input.data().clone();
          Tensor kept;
          Tensor keptView;
          Tensor wView;
          double[] keptValues;
          Tensor sum;
          try (Tape tape = Tape.record().recycling()) {
            wView = w.reshape(-1);
            kept = tape.keep(wView.reshape(300, 300).mul(input).exp());
            keptView = kept.detach();
            keptValues = kept.data().clone();
            sum = kept.add(b);
            tape.backward(sum.mul(input).sum());
            // add passes its output gradient on unchanged: b's grad() is that very tensor
            assertSame(b.grad(), tape.gradOf(sum));
          }
          double[] wGrad = w.grad().data().clone();
          double[] bGrad = b.grad().data().clone();
          allocateSomeLargeResults(input);
          assertArrayEquals(wBefore, w.data());
          assertArrayEquals(wBefore, wView.data());
          assertArrayEquals(inputBefore, input.data());
          assertArrayEquals(keptValues, kept.data());
          assertArrayEquals(keptValues, keptView.data());
          assertArrayEquals(wGrad, w.grad().data());
          assertArrayEquals(bGrad, b.grad().data());
          assertArrayEquals(inputBefore, bGrad);
          assertRecycled(sum::data);
        });
  }

  @Test
  void aSeedPassedToBackwardSurvives() {
    onFreshThread(
        () -> {
          Random rng = new Random(9);
          Tensor x = Tensor.randn(rng, 300, 300).requiresGrad();
          Tensor seed = Tensor.randn(rng, 300, 300);
          double[] seedValues = seed.data().clone();
          try (Tape tape = Tape.record().recycling()) {
            tape.backward(x.exp(), seed);
            assertSame(seed, tape.gradOf(tape.nodes().get(0).output()));
          }
          allocateSomeLargeResults(seed);
          assertArrayEquals(seedValues, seed.data());
        });
  }

  /** Takes arrays of {@code like}'s length from this thread's pool and writes into them. */
  private static void allocateSomeLargeResults(Tensor like) {
    for (int i = 0; i < 4; i++) {
      like.mul(2).exp().neg();
    }
  }

  @Test
  void stalePoolContentsNeverLeakIntoResults() {
    for (Net net : Net.values()) {
      Run clean = onFreshThread(() -> Run.train(net, false));
      Run stale =
          onFreshThread(
              () -> {
                fillPoolWithNaNs(net);
                return Run.train(net, false);
              });
      clean.assertSameAs(stale);
    }
  }

  /** Gives the pool NaN-filled arrays of every length a step of {@code net} allocates. */
  private static void fillPoolWithNaNs(Net net) {
    Random rng = new Random(11);
    Tensor[] p = net.parameters(rng);
    for (Tensor t : p) {
      t.requiresGrad();
    }
    List<Integer> lengths = new ArrayList<>();
    try (Tape tape = Tape.record()) {
      tape.backward(net.loss(net.input(rng), p));
      for (Node node : tape.nodes()) {
        lengths.add(node.output().size());
        node.inputs().forEach(input -> lengths.add(input.size()));
      }
    }
    for (int length : lengths) {
      for (int copy = 0; copy < 2; copy++) {
        double[] stale = new double[length];
        Arrays.fill(stale, Double.NaN);
        Workspace.give(stale);
      }
    }
    assertTrue(Workspace.keptBytes() > 0);
  }

  @Test
  void anInnerRecyclingTapeLeavesTheOuterTapesValuesAlone() {
    onFreshThread(
        () -> {
          Random rng = new Random(4);
          Tensor w = Tensor.randn(rng, 300, 300).requiresGrad();
          try (Tape outer = Tape.record()) {
            Tensor y = w.mul(w);
            Tensor yView = y.reshape(-1);
            double[] yValues = y.data().clone();
            Tensor inner;
            try (Tape tape = Tape.record().recycling()) {
              inner = y.exp().add(yView.reshape(300, 300));
              tape.backward(inner.sum(), GradOption.RETAIN_GRAPH);
            }
            allocateSomeLargeResults(w);
            // the inner pass followed y into the outer tape: d/dw (exp(w²) + w²) = (exp(w²) + 1)·2w
            assertTrue(w.grad().allClose(y.exp().add(1).mul(w.mul(2)), 1e-12, 1e-12));
            w.zeroGrad();
            assertArrayEquals(yValues, y.data());
            assertArrayEquals(yValues, yView.data());
            assertRecycled(inner::data);
            outer.backward(y.sum());
            assertArrayEquals(w.mul(2).data(), w.grad().data());
          }
        });
  }

  @Test
  void aRetainedGraphIsRecycledWhenTheTapeCloses() {
    onFreshThread(
        () -> {
          Random rng = new Random(5);
          Tensor x = Tensor.rand(rng, 8, 1, 28, 28);
          Tensor w = Tensor.randn(rng, 30, 1, 5, 5).requiresGrad();
          Tensor b = Tensor.randn(rng, 30).requiresGrad();
          Tensor y;
          try (Tape tape = Tape.record().recycling()) {
            y = x.conv2d(w, b, 1, 0).relu();
            tape.backward(y.sum(), GradOption.RETAIN_GRAPH);
            tape.backward(y.sum(), GradOption.RETAIN_GRAPH);
            assertTrue(tape.nodes().stream().noneMatch(Node::isReleased));
          }
          assertRecycled(y::data);
          double[] twice = w.grad().data().clone();
          w.zeroGrad();
          try (Tape tape = Tape.record()) {
            tape.backward(x.conv2d(w, b, 1, 0).relu().sum());
          }
          assertArrayEquals(w.grad().mul(2).data(), twice);
        });
  }

  @Test
  void aTapeClosedWithoutBackwardRecyclesItsValuesAndFreesItsNodes() {
    onFreshThread(
        () -> {
          Random rng = new Random(6);
          Tensor x = Tensor.rand(rng, 8, 1, 28, 28);
          Tensor w = Tensor.randn(rng, 30, 1, 5, 5).requiresGrad();
          Tensor b = Tensor.randn(rng, 30).requiresGrad();
          double[] expected = x.conv2d(w, b, 1, 0).data().clone();
          Tensor y;
          Tape closed;
          try (Tape tape = Tape.record().recycling()) {
            y = x.conv2d(w, b, 1, 0);
            closed = tape;
          }
          assertRecycled(y::data);
          assertTrue(closed.nodes().stream().allMatch(Node::isReleased));
          assertTrue(Workspace.keptBytes() >= (y.size() + 25L * y.size() / 30) * 8);
          assertArrayEquals(expected, x.conv2d(w, b, 1, 0).data());
        });
  }

  @Test
  void thePoolNeverKeepsMoreThanItsCap() {
    onFreshThread(
        () -> {
          int length = 1 << 20;
          long arrays = Workspace.MAX_KEPT_BYTES / (length * 8L) + 8;
          Tensor x = Tensor.randn(new Random(7), length).requiresGrad();
          try (Tape tape = Tape.record().recycling()) {
            Tensor y = x;
            for (int i = 0; i < arrays; i++) {
              y = y.mul(1.0001);
            }
          }
          assertEquals(Workspace.MAX_KEPT_BYTES, Workspace.keptBytes());
          Workspace.give(new double[length]);
          assertEquals(Workspace.MAX_KEPT_BYTES, Workspace.keptBytes());
        });
  }

  @Test
  void smallArraysAreNeverPooled() {
    onFreshThread(
        () -> {
          Tensor x = Tensor.randn(new Random(8), Workspace.MIN_POOLED_LENGTH - 1).requiresGrad();
          Tensor y;
          try (Tape tape = Tape.record().recycling()) {
            y = x.exp();
          }
          assertEquals(0, Workspace.keptBytes());
          assertRecycled(y::data);
        });
  }
}
