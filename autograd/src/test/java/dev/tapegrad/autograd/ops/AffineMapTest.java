package dev.tapegrad.autograd.ops;

import static dev.tapegrad.autograd.check.GradCheck.assertSecondOrderGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.GradOption;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.RandomShapes;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.TensorFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
  private static final TensorFunction FUSED = xwb -> AffineMap.affine(xwb[0], xwb[1], xwb[2]);
  private static final TensorFunction COMPOSED = xwb -> AffineMap.composed(xwb[0], xwb[1], xwb[2]);

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
    return RandomShapes.casesAndSeeds(Layer.class, 3);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("layersAndSeeds")
  void fusedEqualsComposedInValuesAndGradients(Layer layer, int seed) {
    Tensor[] xwb = layer.randomInputs(seed);
    assertClose(pass(COMPOSED, xwb, true), pass(FUSED, xwb, true));
  }

  @ParameterizedTest
  @EnumSource(Layer.class)
  void anInputThatNeedsNoGradientGetsNone(Layer layer) {
    Tensor[] xwb = layer.randomInputs(7);
    List<Tensor> fused = pass(FUSED, xwb, false);
    assertClose(pass(COMPOSED, xwb, false), fused);
    assertNull(fused.get(1), "no gradient for the input");
  }

  @ParameterizedTest
  @EnumSource(Layer.class)
  void theNodeIsOneAffineWhoseExpansionIsDotThenAdd(Layer layer) {
    List<Tensor> xwb = Arrays.stream(layer.randomInputs(11)).map(Tensor::requiresGrad).toList();
    try (Tape tape = Tape.record()) {
      Tensor y = FUSED.apply(xwb.toArray(Tensor[]::new));
      assertEquals(List.of("affine"), tape.nodes().stream().map(Node::op).toList());
      Tensor replay = y.creator().expansion().orElseThrow().apply(xwb);
      assertArrayEquals(y.shape(), replay.shape());
      assertArrayEquals(y.data(), replay.data(), TOLERANCE);
      assertEquals(List.of("affine", "dot", "add"), tape.nodes().stream().map(Node::op).toList());
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
    assertClose(secondDerivatives(COMPOSED, xwb), secondDerivatives(FUSED, xwb));
  }

  @ParameterizedTest
  @MethodSource("smallLayers")
  void secondDerivativesMatchCentralDifferences(Layer layer) {
    assertSecondOrderGradients(xs -> FUSED.apply(xs).pow(2), layer.randomInputs(6));
  }

  static Stream<Layer> smallLayers() {
    return Stream.of(Layer.SMALL_BATCH, Layer.BATCH_1, Layer.ONE_SAMPLE_1D);
  }

  @Test
  void badShapesNameTheOpAndTheShapes() {
    Tensor w = Tensor.zeros(3, 4);
    Tensor b = Tensor.zeros(4);
    IllegalArgumentException features =
        assertThrows(
            IllegalArgumentException.class, () -> AffineMap.affine(Tensor.zeros(2, 5), w, b));
    assertTrue(
        features.getMessage().startsWith("affine: input (2,5), weight (3,4) and bias (4,)"),
        features.getMessage());
    IllegalArgumentException bias =
        assertThrows(
            IllegalArgumentException.class,
            () -> AffineMap.affine(Tensor.zeros(2, 3), w, Tensor.zeros(3)));
    assertTrue(bias.getMessage().contains("bias (3,)"), bias.getMessage());
    IllegalArgumentException rank =
        assertThrows(
            IllegalArgumentException.class, () -> AffineMap.affine(Tensor.zeros(2, 1, 3), w, b));
    assertTrue(rank.getMessage().startsWith("affine: input (2,1,3)"), rank.getMessage());
    IllegalArgumentException scalar =
        assertThrows(
            IllegalArgumentException.class, () -> AffineMap.affine(Tensor.scalar(1), w, b));
    assertTrue(scalar.getMessage().startsWith("affine: input ()"), scalar.getMessage());
    IllegalArgumentException composed =
        assertThrows(
            IllegalArgumentException.class, () -> AffineMap.composed(Tensor.zeros(2, 5), w, b));
    assertEquals(features.getMessage(), composed.getMessage());
  }

  @Test
  void retainGraphAllowsASecondBackward() {
    Tensor[] xwb = Layer.SMALL_BATCH.randomInputs(4);
    List<Tensor> once = pass(FUSED, xwb, true);
    Tensor[] leaves = Arrays.stream(xwb).map(t -> t.copy().requiresGrad()).toArray(Tensor[]::new);
    try (Tape tape = Tape.record()) {
      Tensor y = FUSED.apply(leaves);
      tape.backward(y, seedFor(y), GradOption.RETAIN_GRAPH);
      tape.backward(y, seedFor(y));
    }
    for (int i = 0; i < leaves.length; i++) {
      assertArrayEquals(once.get(i + 1).mul(2).data(), leaves[i].grad().data(), TOLERANCE);
    }
  }

  /**
   * The output of {@code f} on copies of {@code xwb}, then the gradients of x, W and b after one
   * backward pass with a fixed random seed gradient; x gets a gradient only if asked.
   */
  private static List<Tensor> pass(TensorFunction f, Tensor[] xwb, boolean inputGradient) {
    Tensor[] leaves = Arrays.stream(xwb).map(t -> t.copy().requiresGrad()).toArray(Tensor[]::new);
    leaves[0].requiresGrad(inputGradient);
    try (Tape tape = Tape.record()) {
      Tensor y = f.apply(leaves);
      tape.backward(y, seedFor(y));
      List<Tensor> result = new ArrayList<>(List.of(y));
      Arrays.stream(leaves).map(Tensor::grad).forEach(result::add);
      return result;
    }
  }

  /** Same shapes and values within 1e-10; an absent gradient must be absent in both. */
  private static void assertClose(List<Tensor> expected, List<Tensor> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Tensor e = expected.get(i);
      Tensor a = actual.get(i);
      assertEquals(e == null, a == null, "tensor " + i + " present in one result only");
      if (e != null) {
        assertArrayEquals(e.shape(), a.shape(), "shape of tensor " + i);
        assertArrayEquals(e.data(), a.data(), TOLERANCE, "values of tensor " + i);
      }
    }
  }

  private static Tensor seedFor(Tensor y) {
    return Tensor.randn(new Random(99), y.shape());
  }

  /**
   * The gradient of {@code Σ_i Σ v_i·∂L/∂input_i} with respect to every input, where {@code L = Σ
   * c·f(x, W, b)²} and the {@code v_i} are fixed random tensors: the mixed second derivatives,
   * taken through the backward pass recorded with CREATE_GRAPH.
   */
  private static List<Tensor> secondDerivatives(TensorFunction f, Tensor[] xwb) {
    List<Tensor> leaves = Arrays.stream(xwb).map(t -> t.copy().requiresGrad()).toList();
    Random r = new Random(8);
    try (Tape tape = Tape.record()) {
      Tensor y = f.apply(leaves.toArray(Tensor[]::new));
      Tensor loss = y.pow(2).mul(seedFor(y)).sum();
      List<Tensor> first = tape.grad(loss, leaves, GradOption.CREATE_GRAPH);
      Tensor projected = Tensor.scalar(0);
      for (Tensor g : first) {
        projected = projected.add(g.mul(Tensor.randn(r, g.shape())).sum());
      }
      return tape.grad(projected, leaves);
    }
  }
}
