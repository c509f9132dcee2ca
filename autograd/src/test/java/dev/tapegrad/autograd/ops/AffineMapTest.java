package dev.tapegrad.autograd.ops;

import static dev.tapegrad.autograd.check.GradCheck.assertSecondOrderGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.GradOption;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused {@code affine} node is a speed choice, never a different function: its values and the
 * gradients of input, weight and bias agree with the composed {@code dot → add} within 1e-10, and
 * so do its second derivatives. (Central-difference checks of the fused op are in {@link
 * OpGradientTest}.)
 */
class AffineMapTest {
  private static final double TOLERANCE = 1e-10;

  /** Input shape and output features. */
  enum Layer {
    TWO_LAYER_NET_FIRST(new int[] {100, 784}, 50),
    SMALL_BATCH(new int[] {3, 4}, 5),
    BATCH_1(new int[] {1, 6}, 3),
    ONE_SAMPLE_1D(new int[] {7}, 4),
    ONE_OUTPUT(new int[] {5, 3}, 1),
    ONE_FEATURE(new int[] {4, 1}, 6);

    final int[] input;
    final int out;

    Layer(int[] input, int out) {
      this.input = input;
      this.out = out;
    }

    /** Seeded standard-normal input, weight and bias, needing no gradient yet. */
    Tensor[] randomInputs(long seed) {
      Random r = new Random(seed);
      int in = input[input.length - 1];
      return new Tensor[] {Tensor.randn(r, input), Tensor.randn(r, in, out), Tensor.randn(r, out)};
    }
  }

  static Stream<Arguments> layersAndSeeds() {
    return Arrays.stream(Layer.values())
        .flatMap(l -> IntStream.range(0, 3).mapToObj(seed -> Arguments.of(l, seed)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("layersAndSeeds")
  void fusedEqualsComposedInValuesAndGradients(Layer layer, int seed) {
    Tensor[] xwb = layer.randomInputs(seed);
    step(xwb, true, false).assertEquals(step(xwb, true, true));
  }

  @ParameterizedTest
  @EnumSource(Layer.class)
  void anInputThatNeedsNoGradientGetsNone(Layer layer) {
    Tensor[] xwb = layer.randomInputs(7);
    Step fused = step(xwb, false, true);
    step(xwb, false, false).assertEquals(fused);
    assertNull(fused.gx);
  }

  @ParameterizedTest
  @EnumSource(Layer.class)
  void theNodeIsOneAffineWhoseExpansionIsDotThenAdd(Layer layer) {
    Tensor[] xwb = layer.randomInputs(11);
    Tensor x = xwb[0].requiresGrad();
    Tensor w = xwb[1].requiresGrad();
    Tensor b = xwb[2].requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = AffineMap.affine(x, w, b);
      Node node = y.creator();
      assertEquals(List.of("affine"), ops(tape.nodes()));
      Tensor replay = node.expansion().orElseThrow().apply(List.of(x, w, b));
      assertArrayEquals(y.shape(), replay.shape());
      assertArrayEquals(y.data(), replay.data(), TOLERANCE);
      assertEquals(List.of("affine", "dot", "add"), ops(tape.nodes()));
    }
  }

  /** The book's Fig 3-17: {@code A1 = X·W1 + B1} for X = [1.0, 0.5]. */
  @Test
  void bookFigure3_17FirstLayer() {
    Tensor x = Tensor.vector(1.0, 0.5);
    Tensor w = Tensor.of(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}});
    Tensor b = Tensor.vector(0.1, 0.2, 0.3);
    Tensor a = AffineMap.affine(x, w, b);
    assertArrayEquals(new int[] {3}, a.shape());
    assertArrayEquals(new double[] {0.3, 0.7, 1.1}, a.data(), 1e-15);
  }

  /**
   * Worked by hand: X = [[1, 2], [3, 4]], W = [[1, 0, −1], [2, 1, 0]], b = [10, 20, 30], seed
   * gradient all ones. Y rows are [1+4+10, 2+20, −1+30] and [3+8+10, 4+20, −3+30]; dX rows are the
   * row sums of W, [0, 3]; dW rows are the column sums of X, [4, 4, 4] and [6, 6, 6]; db is the
   * number of rows, 2.
   */
  @Test
  void aTwoByThreeCaseWorkedByHand() {
    Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}}).requiresGrad();
    Tensor w = Tensor.of(new double[][] {{1, 0, -1}, {2, 1, 0}}).requiresGrad();
    Tensor b = Tensor.vector(10, 20, 30).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = AffineMap.affine(x, w, b);
      assertArrayEquals(new double[] {15, 22, 29, 21, 24, 27}, y.data(), 0);
      tape.backward(y, Tensor.ones(2, 3));
    }
    assertArrayEquals(new double[] {0, 3, 0, 3}, x.grad().data(), 0);
    assertArrayEquals(new double[] {4, 4, 4, 6, 6, 6}, w.grad().data(), 0);
    assertArrayEquals(new double[] {2, 2, 2}, b.grad().data(), 0);
  }

  @ParameterizedTest
  @MethodSource("smallLayers")
  void secondDerivativesAgreeWithTheComposedGraph(Layer layer) {
    Tensor[] xwb = layer.randomInputs(5);
    double[][] fused = secondDerivatives(xwb, true);
    double[][] composed = secondDerivatives(xwb, false);
    for (int i = 0; i < fused.length; i++) {
      assertArrayEquals(composed[i], fused[i], TOLERANCE);
    }
  }

  @ParameterizedTest
  @MethodSource("smallLayers")
  void secondDerivativesMatchCentralDifferences(Layer layer) {
    assertSecondOrderGradients(
        xs -> AffineMap.affine(xs[0], xs[1], xs[2]).pow(2), layer.randomInputs(6));
  }

  static Stream<Layer> smallLayers() {
    return Stream.of(Layer.SMALL_BATCH, Layer.BATCH_1, Layer.ONE_SAMPLE_1D);
  }

  @Test
  void badShapesNameTheOpAndTheShapes() {
    Tensor w = Tensor.zeros(3, 4);
    Tensor b = Tensor.zeros(4);
    IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
        () -> AffineMap.affine(Tensor.zeros(2, 5), w, b));
    assertTrue(features.getMessage().startsWith("affine: input (2,5), weight (3,4) and bias (4,)"),
        features.getMessage());
    IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
        () -> AffineMap.affine(Tensor.zeros(2, 3), w, Tensor.zeros(3)));
    assertTrue(bias.getMessage().contains("bias (3,)"), bias.getMessage());
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
        () -> AffineMap.affine(Tensor.zeros(2, 1, 3), w, b));
    assertTrue(rank.getMessage().startsWith("affine: input (2,1,3)"), rank.getMessage());
    IllegalArgumentException scalar = assertThrows(IllegalArgumentException.class,
        () -> AffineMap.affine(Tensor.scalar(1), w, b));
    assertTrue(scalar.getMessage().startsWith("affine: input ()"), scalar.getMessage());
    IllegalArgumentException composed = assertThrows(IllegalArgumentException.class,
        () -> AffineMap.composed(Tensor.zeros(2, 5), w, b));
    assertEquals(features.getMessage(), composed.getMessage());
  }

  @Test
  void retainGraphAllowsASecondBackward() {
    Tensor[] xwb = Layer.SMALL_BATCH.randomInputs(4);
    Step once = step(xwb, true, true);
    Tensor x = xwb[0].requiresGrad();
    Tensor w = xwb[1].requiresGrad();
    Tensor b = xwb[2].requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = AffineMap.affine(x, w, b);
      Tensor seed = seedFor(y);
      tape.backward(y, seed, GradOption.RETAIN_GRAPH);
      tape.backward(y, seed);
    }
    assertArrayEquals(once.gx.mul(2).data(), x.grad().data(), TOLERANCE);
    assertArrayEquals(once.gw.mul(2).data(), w.grad().data(), TOLERANCE);
    assertArrayEquals(once.gb.mul(2).data(), b.grad().data(), TOLERANCE);
  }

  private static List<String> ops(List<Node> nodes) {
    return nodes.stream().map(Node::op).toList();
  }

  /** Output and gradients of one forward and backward pass with a fixed random seed gradient. */
  private record Step(Tensor y, Tensor gx, Tensor gw, Tensor gb) {
    void assertEquals(Step other) {
      assertArrayEquals(y.shape(), other.y.shape());
      assertArrayEquals(y.data(), other.y.data(), TOLERANCE);
      if (gx != null) {
        assertArrayEquals(gx.shape(), other.gx.shape());
        assertArrayEquals(gx.data(), other.gx.data(), TOLERANCE);
      }
      assertArrayEquals(gw.data(), other.gw.data(), TOLERANCE);
      assertArrayEquals(gb.shape(), other.gb.shape());
      assertArrayEquals(gb.data(), other.gb.data(), TOLERANCE);
    }
  }

  /** Runs on copies of {@code xwb} (input, weight, bias); the input gets a gradient if asked. */
  private static Step step(Tensor[] xwb, boolean inputGradient, boolean fused) {
    Tensor x = xwb[0].copy().requiresGrad(inputGradient);
    Tensor w = xwb[1].copy().requiresGrad();
    Tensor b = xwb[2].copy().requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = fused ? AffineMap.affine(x, w, b) : AffineMap.composed(x, w, b);
      tape.backward(y, seedFor(y));
      return new Step(y, x.grad(), w.grad(), b.grad());
    }
  }

  private static Tensor seedFor(Tensor y) {
    return Tensor.randn(new Random(99), y.shape());
  }

  /**
   * {@code ∂/∂(x, W, b)} of {@code Σ v·∂L/∂x + Σ u·∂L/∂W + Σ s·∂L/∂b} where {@code L = Σ c·(xW +
   * b)²}: the mixed second derivatives, taken through the backward pass recorded with
   * CREATE_GRAPH.
   */
  private static double[][] secondDerivatives(Tensor[] xwb, boolean fused) {
    Tensor x = xwb[0].copy().requiresGrad();
    Tensor w = xwb[1].copy().requiresGrad();
    Tensor b = xwb[2].copy().requiresGrad();
    Random r = new Random(8);
    Tensor v = Tensor.randn(r, x.shape());
    Tensor u = Tensor.randn(r, w.shape());
    Tensor s = Tensor.randn(r, b.shape());
    try (Tape tape = Tape.record()) {
      Tensor y = fused ? AffineMap.affine(x, w, b) : AffineMap.composed(x, w, b);
      Tensor loss = y.pow(2).mul(seedFor(y)).sum();
      List<Tensor> first = tape.grad(loss, List.of(x, w, b), GradOption.CREATE_GRAPH);
      Tensor projected = first.get(0).mul(v).sum().add(first.get(1).mul(u).sum())
          .add(first.get(2).mul(s).sum());
      List<Tensor> second = tape.grad(projected, List.of(x, w, b));
      return second.stream().map(Tensor::data).toArray(double[][]::new);
    }
  }
}
