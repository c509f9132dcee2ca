package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fused nodes are a speed choice, never a different function: values and input gradients agree with
 * the composed primitive graphs within 1e-10, and each fused node's expansion replays the composed
 * graph.
 */
class FusedEqualsComposedTest {
  private static final double TOLERANCE = 1e-10;

  static IntStream seeds() {
    return IntStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sigmoid(int seed) {
    Tensor x = Tensor.randn(new Random(seed), 4, 5).mul(4);
    assertSame(x, SigmoidFunction::fused, SigmoidFunction::composed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void softmax(int seed) {
    Tensor x = Tensor.randn(new Random(seed), 3, 6).mul(5);
    assertSame(x, Softmax::fused, Softmax::composed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void softmaxWithLoss(int seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(5);
    int[] labels = IntStream.range(0, n).map(i -> r.nextInt(4)).toArray();
    Tensor x = Tensor.randn(r, n, 4).mul(3);
    assertSame(x, s -> SoftmaxWithLoss.fused(s, labels), s -> SoftmaxWithLoss.composed(s, labels));
    Tensor soft = Softmax.fused(Tensor.randn(r, n, 4));
    assertSame(x, s -> SoftmaxWithLoss.fused(s, soft), s -> SoftmaxWithLoss.composed(s, soft));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void maxPooling(int seed) {
    Random r = new Random(seed);
    int stride = 1 + r.nextInt(2);
    int pad = r.nextInt(2);
    int window = 2 + r.nextInt(2);
    // distinct values (no ties), negative ones too so that padding zeros can win a window
    Tensor x = Tensor.randn(r, 2, 2, 5, 6).add(Tensor.arange(120).reshape(2, 2, 5, 6).mul(1e-3));
    assertSame(
        x,
        v -> MaxPool2d.fused(v, window, window, stride, pad),
        v -> MaxPool2d.composed(v, window, window, stride, pad));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void maxPoolingBreaksTiesAndInfinitiesLikeTheComposedForm(int seed) {
    // few distinct values, so 2×2 windows hold ties (the first maximum must win), plus ±inf
    // and ±0, which the branch-free 2×2 path has to treat exactly as the general loop does
    double[] values = {-1, 0, -0.0, 1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    Random r = new Random(seed);
    double[] data = new double[2 * 3 * 6 * 6];
    for (int i = 0; i < data.length; i++) {
      data[i] = values[r.nextInt(r.nextBoolean() ? 4 : values.length)];
    }
    Tensor x = Tensor.of(data, 2, 3, 6, 6);
    for (int stride = 1; stride <= 2; stride++) {
      int s = stride;
      assertSame(x, v -> MaxPool2d.fused(v, 2, 2, s, 0), v -> MaxPool2d.composed(v, 2, 2, s, 0));
    }
  }

  @org.junit.jupiter.api.Test
  void maxPoolingPropagatesNaNLikeTheComposedForm() {
    Tensor x = Tensor.arange(16).reshape(1, 1, 4, 4);
    x.set(Double.NaN, 0, 0, 1, 0);
    Tensor fused = MaxPool2d.fused(x, 2, 2, 2, 0);
    Tensor composed = MaxPool2d.composed(x, 2, 2, 2, 0);
    assertTrue(Double.isNaN(fused.get(0, 0, 0, 0)));
    assertEquals(composed.toString(), fused.toString());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e4, -1e4, 800, -800})
  void fusedFormsStayFiniteForHugeInputs(double big) {
    Tensor x = Tensor.vector(big, 0, -big, 1).requiresGrad();
    try (Tape tape = Tape.record().detectAnomalies()) {
      Tensor s = SigmoidFunction.fused(x);
      Tensor p = Softmax.fused(x);
      Tensor loss = SoftmaxWithLoss.fused(x, new int[] {2});
      tape.backward(s.sum().add(p.mul(Tensor.vector(1, 2, 3, 4)).sum()).add(loss));
      assertTrue(s.isFinite() && p.isFinite() && loss.isFinite());
      assertTrue(x.grad().isFinite());
    }
    assertEquals(1.0, Softmax.fused(Tensor.vector(big, 0)).sum().item(), 1e-15);
  }

  private static void assertSame(
      Tensor input, UnaryOperator<Tensor> fused, UnaryOperator<Tensor> composed) {
    Tensor a = input.copy().requiresGrad();
    Tensor b = input.copy().requiresGrad();
    Tensor seed = Tensor.randn(new Random(99), fused.apply(input).shape());
    Tensor ya;
    Tensor yb;
    Node fusedNode;
    try (Tape tape = Tape.record()) {
      ya = fused.apply(a);
      fusedNode = ya.creator();
      tape.backward(ya, seed);
    }
    try (Tape tape = Tape.record()) {
      yb = composed.apply(b);
      assertTrue(tape.nodes().size() > 1, "the composed form is several primitive nodes");
      tape.backward(yb, seed);
    }
    assertArrayEquals(yb.data(), ya.data(), TOLERANCE);
    assertArrayEquals(b.grad().data(), a.grad().data(), TOLERANCE);
    assertFalse(fusedNode.expansion().isEmpty(), "a fused node knows its primitive expansion");
    Tensor replay = fusedNode.expansion().get().apply(List.of(input.copy()));
    assertArrayEquals(yb.data(), replay.data(), TOLERANCE);
  }
}
