package dev.tapegrad.autograd.ops;

import static dev.tapegrad.autograd.check.GradCheck.assertSecondOrderGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.GradOption;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.RandomShapes;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.ConvGeometry;
import dev.tapegrad.autograd.kernels.Workspace;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused {@code conv2d} node is a speed choice, never a different function: its values and the
 * gradients of input, filters and bias agree with the book's composed graph within 1e-10, its
 * second and third derivatives agree too, and recycling its pooled buffers never changes a result.
 * Its backward is one rule, the same op calls whether or not the backward pass is recorded.
 * (Central-difference checks of the fused op and its gradient ops are in {@link OpGradientTest} and
 * {@link Conv2dGradientOpsTest}.)
 */
class Conv2dTest {
  private static final double TOLERANCE = 1e-10;

  /** Input (N,C,H,W), filters (FN,C,FH,FW), stride, pad. */
  enum Layer {
    SIMPLE_CONV(new int[] {3, 1, 28, 28}, new int[] {30, 1, 5, 5}, 1, 0),
    DEEP_CONV(new int[] {2, 16, 10, 10}, new int[] {16, 16, 3, 3}, 1, 1),
    PAD_2(new int[] {2, 4, 6, 6}, new int[] {5, 4, 3, 3}, 1, 2),
    STRIDE_2(new int[] {2, 3, 9, 9}, new int[] {4, 3, 3, 3}, 2, 1),
    NON_SQUARE(new int[] {2, 2, 7, 11}, new int[] {3, 2, 2, 4}, 1, 1),
    BATCH_1(new int[] {1, 3, 8, 8}, new int[] {5, 3, 3, 3}, 1, 0),
    WINDOW_LEAVES_A_REMAINDER(new int[] {2, 2, 10, 10}, new int[] {3, 2, 4, 3}, 3, 0),
    PAD_WIDER_THAN_FILTER(new int[] {1, 1, 4, 5}, new int[] {2, 1, 3, 2}, 2, 3);

    final int[] input;
    final int[] filters;
    final int stride;
    final int pad;

    Layer(int[] input, int[] filters, int stride, int pad) {
      this.input = input;
      this.filters = filters;
      this.stride = stride;
      this.pad = pad;
    }

    /** Seeded standard-normal input, filters and bias, needing no gradient yet. */
    Tensor[] randomInputs(long seed) {
      Random r = new Random(seed);
      return new Tensor[] {
        Tensor.randn(r, input), Tensor.randn(r, filters), Tensor.randn(r, filters[0])
      };
    }
  }

  static Stream<Arguments> layersAndSeeds() {
    return RandomShapes.casesAndSeeds(Layer.class, 3);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("layersAndSeeds")
  void fusedEqualsComposedInValuesAndGradients(Layer layer, int seed) {
    Tensor[] xwb = layer.randomInputs(seed);
    step(xwb, true, layer, false).assertEquals(step(xwb, true, layer, true));
  }

  @ParameterizedTest
  @EnumSource(Layer.class)
  void anInputThatNeedsNoGradientGetsNone(Layer layer) {
    Tensor[] xwb = layer.randomInputs(7);
    Step fused = step(xwb, false, layer, true);
    step(xwb, false, layer, false).assertEquals(fused);
    assertNull(fused.gx);
  }

  @ParameterizedTest
  @EnumSource(Layer.class)
  void theNodeIsOneConv2dWhoseExpansionIsTheComposedGraph(Layer layer) {
    Tensor[] xwb = layer.randomInputs(11);
    Tensor x = xwb[0].requiresGrad();
    Tensor w = xwb[1].requiresGrad();
    Tensor b = xwb[2].requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.conv2d(w, b, layer.stride, layer.pad);
      Node node = y.creator();
      assertEquals(List.of("conv2d"), tape.nodes().stream().map(Node::op).toList());
      assertEquals(layer.filters[2] + "x" + layer.filters[3], node.attributes().get("filter"));
      assertEquals(layer.stride, node.attributes().get("stride"));
      assertEquals(layer.pad, node.attributes().get("pad"));
      Tensor replay = node.expansion().orElseThrow().apply(List.of(x, w, b));
      assertArrayEquals(y.shape(), replay.shape());
      assertArrayEquals(y.data(), replay.data(), TOLERANCE);
      List<String> composedOps =
          tape.nodes().stream().skip(1).map(Node::op).distinct().sorted().toList();
      assertEquals(List.of("add", "dot", "im2col", "reshape", "transpose"), composedOps);
    }
  }

  /** The book's Fig 7-4 (filter over a 4×4 image), Fig 7-5 (bias 3) and Fig 7-6 (pad 1). */
  @Test
  void bookFigures7_4To7_6() {
    Tensor image =
        Tensor.of(new double[] {1, 2, 3, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1}, 1, 1, 4, 4);
    Tensor filter = Tensor.of(new double[] {2, 0, 1, 0, 1, 2, 1, 0, 2}, 1, 1, 3, 3);
    Tensor noBias = Tensor.zeros(1);
    assertArrayEquals(new double[] {15, 16, 6, 15}, image.conv2d(filter, noBias, 1, 0).data(), 0);
    assertArrayEquals(
        new double[] {18, 19, 9, 18}, image.conv2d(filter, Tensor.vector(3), 1, 0).data(), 0);
    assertArrayEquals(
        new double[] {7, 12, 10, 2, 4, 15, 16, 10, 10, 6, 15, 6, 8, 10, 4, 3},
        image.conv2d(filter, noBias, 1, 1).data(),
        0);
  }

  /**
   * Worked by hand: the 3×3 image 1..9 and the 2×2 filter [[1, 0], [0, −1]] at stride 2, pad 1. The
   * four windows start at (−1,−1), (−1,1), (1,−1) and (1,1), so tap (1,1) meets pixels 1, 3, 7 and
   * 9, tap (0,0) meets only pixel 5 (last window), taps (0,1) and (1,0) meet 4 and 6, and 2 and 8;
   * everything else is padding.
   */
  @Test
  void aStride2Pad1CaseWorkedByHand() {
    Tensor x = Tensor.arange(1, 10, 1).reshape(1, 1, 3, 3).requiresGrad();
    Tensor w = Tensor.of(new double[] {1, 0, 0, -1}, 1, 1, 2, 2).requiresGrad();
    Tensor b = Tensor.vector(0.5).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.conv2d(w, b, 2, 1);
      assertArrayEquals(new double[] {-1 + 0.5, -3 + 0.5, -7 + 0.5, 5 - 9 + 0.5}, y.data(), 0);
      tape.backward(y, Tensor.ones(1, 1, 2, 2));
    }
    // each pixel receives the weight of the one tap that meets it (or 0)
    assertArrayEquals(new double[] {-1, 0, -1, 0, 1, 0, -1, 0, -1}, x.grad().data(), 0);
    // each tap receives the sum of the pixels it meets
    assertArrayEquals(new double[] {5, 4 + 6, 2 + 8, 1 + 3 + 7 + 9}, w.grad().data(), 0);
    assertArrayEquals(new double[] {4}, b.grad().data(), 0);
  }

  @ParameterizedTest
  @MethodSource("smallLayers")
  void secondDerivativesAgreeWithTheComposedGraph(Layer layer) {
    Tensor[] xwb = layer.randomInputs(5);
    double[][] fused = secondDerivatives(xwb, layer, true);
    double[][] composed = secondDerivatives(xwb, layer, false);
    for (int i = 0; i < fused.length; i++) {
      assertArrayEquals(composed[i], fused[i], TOLERANCE);
    }
  }

  @ParameterizedTest
  @MethodSource("smallLayers")
  void secondDerivativesMatchCentralDifferences(Layer layer) {
    assertSecondOrderGradients(
        xs -> xs[0].conv2d(xs[1], xs[2], layer.stride, layer.pad).pow(2), layer.randomInputs(6));
  }

  @ParameterizedTest
  @MethodSource("smallLayers")
  void thirdDerivativesAgreeWithTheComposedGraph(Layer layer) {
    Tensor[] xwb = layer.randomInputs(12);
    double[][] fused = thirdDerivatives(xwb, layer, true);
    double[][] composed = thirdDerivatives(xwb, layer, false);
    for (int i = 0; i < fused.length; i++) {
      assertArrayEquals(composed[i], fused[i], TOLERANCE);
    }
  }

  /**
   * A recorded backward pass runs the same rule as a plain one: the same numbers to the last bit,
   * from one node per gradient op (none of the composed graph's im2col, dot or col2im).
   */
  @ParameterizedTest
  @EnumSource(Layer.class)
  void theBackwardIsTheSameOpCallsRecordedOrNot(Layer layer) {
    Tensor[] xwb = layer.randomInputs(13);
    List<Tensor> xs = List.of(xwb[0].requiresGrad(), xwb[1].requiresGrad(), xwb[2].requiresGrad());
    try (Tape tape = Tape.record()) {
      Tensor y = xs.get(0).conv2d(xs.get(1), xs.get(2), layer.stride, layer.pad);
      Tensor loss = y.pow(2).mul(seedFor(y)).sum();
      int forwardNodes = tape.nodes().size();
      List<Tensor> plain = tape.grad(loss, xs, GradOption.RETAIN_GRAPH);
      assertEquals(forwardNodes, tape.nodes().size(), "a plain backward records nothing");
      List<Tensor> recorded = tape.grad(loss, xs, GradOption.CREATE_GRAPH);
      for (int i = 0; i < xs.size(); i++) {
        assertArrayEquals(plain.get(i).data(), recorded.get(i).data(), 0);
      }
      List<String> backwardOps = tape.nodes().stream().skip(forwardNodes).map(Node::op).toList();
      for (String op :
          List.of("conv2dInputGradient", "conv2dFilterGradient", "conv2dBiasGradient")) {
        assertEquals(1, Collections.frequency(backwardOps, op), op + " in " + backwardOps);
      }
      assertTrue(
          Collections.disjoint(backwardOps, List.of("im2col", "col2im", "dot", "transpose")),
          backwardOps.toString());
    }
  }

  /**
   * The node saves the forward's columns, so a recycling tape takes them back with the output when
   * it closes; a plain tape leaves them to the garbage collector.
   */
  @Test
  void aRecyclingTapeTakesBackTheSavedColumns() throws Exception {
    Layer layer = Layer.SIMPLE_CONV;
    long recycled = onFreshThread(() -> poolBytesAfterClosing(layer, Tape.record().recycling()));
    long plain = onFreshThread(() -> poolBytesAfterClosing(layer, Tape.record()));
    ConvGeometry g = Conv2d.geometry("conv2d", layer.input, layer.filters, layer.stride, layer.pad);
    long columns = (long) Double.BYTES * g.taps() * g.positions();
    long output = (long) Double.BYTES * g.filters() * g.positions();
    assertEquals(columns + output, recycled - plain);
  }

  private static long poolBytesAfterClosing(Layer layer, Tape tape) {
    Tensor[] xwb = layer.randomInputs(14);
    Tensor w = xwb[1].requiresGrad();
    try (tape) {
      Tensor y = xwb[0].conv2d(w, xwb[2], layer.stride, layer.pad);
      tape.backward(y, seedFor(y));
    }
    return Workspace.keptBytes();
  }

  private static <T> T onFreshThread(Callable<T> body) throws Exception {
    FutureTask<T> task = new FutureTask<>(body);
    new Thread(task).start();
    return task.get();
  }

  static Stream<Layer> smallLayers() {
    return Stream.of(Layer.STRIDE_2, Layer.NON_SQUARE, Layer.PAD_WIDER_THAN_FILTER);
  }

  @Test
  void badShapesNameTheOpAndTheShapes() {
    Tensor x = Tensor.zeros(2, 3, 5, 5);
    IllegalArgumentException channels =
        assertThrows(
            IllegalArgumentException.class,
            () -> x.conv2d(Tensor.zeros(4, 2, 3, 3), Tensor.zeros(4), 1, 0));
    assertTrue(channels.getMessage().startsWith("conv2d: "), channels.getMessage());
    assertTrue(channels.getMessage().contains("(2,3,5,5)"), channels.getMessage());
    assertTrue(channels.getMessage().contains("(4,2,3,3)"), channels.getMessage());
    IllegalArgumentException bias =
        assertThrows(
            IllegalArgumentException.class,
            () -> x.conv2d(Tensor.zeros(4, 3, 3, 3), Tensor.zeros(3), 1, 0));
    assertTrue(bias.getMessage().contains("(3,)"), bias.getMessage());
    IllegalArgumentException rank =
        assertThrows(
            IllegalArgumentException.class,
            () -> Tensor.zeros(3, 5, 5).conv2d(Tensor.zeros(4, 3, 3, 3), Tensor.zeros(4), 1, 0));
    assertTrue(rank.getMessage().contains("(3,5,5)"), rank.getMessage());
    IllegalArgumentException tooBig =
        assertThrows(
            IllegalArgumentException.class,
            () -> x.conv2d(Tensor.zeros(4, 3, 6, 3), Tensor.zeros(4), 1, 0));
    assertTrue(
        tooBig
            .getMessage()
            .contains(
                "conv2d: filters (4,3,6,3) with stride 1 and pad 0"
                    + " do not fit an input of (2,3,5,5)"),
        tooBig.getMessage());
    IllegalArgumentException huge =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Tensor.zeros(1, 1, 1, 100_000)
                    .conv2d(Tensor.zeros(1, 1, 1, 1), Tensor.zeros(1), 1, 20_000));
    assertTrue(huge.getMessage().startsWith("conv2d: input (1,1,1,100000)"), huge.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> x.conv2d(Tensor.zeros(4, 3, 3, 3), Tensor.zeros(4), 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> x.conv2d(Tensor.zeros(4, 3, 3, 3), Tensor.zeros(4), 1, -1));
  }

  /**
   * A step after an earlier one was released reuses that step's pooled buffers; it must give the
   * same numbers, and must not write into anything the earlier step handed out.
   */
  @Test
  void recycledBuffersNeverChangeAResult() {
    Layer layer = Layer.DEEP_CONV;
    Tensor[] xwb = layer.randomInputs(3);
    Step first = step(xwb, true, layer, true);
    Step firstCopy = first.copy();
    long kept = Workspace.keptBytes();
    assertTrue(kept > 0, "the released node gave its columns back");
    Step second = step(xwb, true, layer, true);
    first.assertEquals(second);
    firstCopy.assertEquals(first);
    assertNotSame(first.y.data(), second.y.data());
    step(layer.randomInputs(4), true, layer, true);
    firstCopy.assertEquals(first);
  }

  /** Pooled buffers come back with old contents: none of it may show in a result. */
  @ParameterizedTest
  @EnumSource(Layer.class)
  void staleBufferContentsNeverLeakIntoAResult(Layer layer) {
    Tensor[] xwb = layer.randomInputs(9);
    Step composed = step(xwb, true, layer, false);
    int filters = layer.filters[0];
    int positions = composed.y.size() / filters;
    int taps = xwb[1].size() / filters;
    // columns and their gradient, the product and the re-laid output gradient
    for (int length :
        new int[] {taps * positions, taps * positions, filters * positions, filters * positions}) {
      double[] stale = new double[length];
      Arrays.fill(stale, Double.NaN);
      Workspace.give(stale);
    }
    composed.assertEquals(step(xwb, true, layer, true));
  }

  @Test
  void retainGraphAllowsASecondBackward() {
    Layer layer = Layer.STRIDE_2;
    Tensor[] xwb = layer.randomInputs(4);
    Tensor x = xwb[0].requiresGrad();
    Tensor w = xwb[1].requiresGrad();
    Tensor b = xwb[2].requiresGrad();
    Step once = step(xwb, true, layer, true);
    try (Tape tape = Tape.record()) {
      Tensor y = x.conv2d(w, b, layer.stride, layer.pad);
      Tensor seed = seedFor(y);
      tape.backward(y, seed, GradOption.RETAIN_GRAPH);
      tape.backward(y, seed);
      assertThrows(IllegalStateException.class, () -> tape.backward(y, seed));
    }
    assertArrayEquals(once.gx.mul(2).data(), x.grad().data(), TOLERANCE);
    assertArrayEquals(once.gw.mul(2).data(), w.grad().data(), TOLERANCE);
    assertArrayEquals(once.gb.mul(2).data(), b.grad().data(), TOLERANCE);
  }

  /** Output and gradients of one forward and backward pass with a fixed random seed gradient. */
  private record Step(Tensor y, Tensor gx, Tensor gw, Tensor gb) {
    void assertEquals(Step other) {
      assertArrayEquals(y.shape(), other.y.shape());
      assertArrayEquals(y.data(), other.y.data(), TOLERANCE);
      if (gx != null) {
        assertArrayEquals(gx.data(), other.gx.data(), TOLERANCE);
      }
      assertArrayEquals(gw.data(), other.gw.data(), TOLERANCE);
      assertArrayEquals(gb.data(), other.gb.data(), TOLERANCE);
    }

    Step copy() {
      return new Step(y.copy(), gx == null ? null : gx.copy(), gw.copy(), gb.copy());
    }
  }

  /** Runs on copies of {@code xwb} (input, filters, bias); the input gets a gradient if asked. */
  private static Step step(Tensor[] xwb, boolean inputGradient, Layer layer, boolean fused) {
    Tensor x = xwb[0].copy().requiresGrad(inputGradient);
    Tensor w = xwb[1].copy().requiresGrad();
    Tensor b = xwb[2].copy().requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y =
          fused
              ? Conv2d.fused(x, w, b, layer.stride, layer.pad)
              : Conv2d.composed(x, w, b, layer.stride, layer.pad);
      tape.backward(y, seedFor(y));
      return new Step(y, x.grad(), w.grad(), b.grad());
    }
  }

  private static Tensor seedFor(Tensor y) {
    return Tensor.randn(new Random(99), y.shape());
  }

  /**
   * {@code ∂/∂(x, W, b)} of {@code Σ t·∂P/∂x + Σ s·∂P/∂W + Σ r·∂P/∂b} where {@code P = Σ v·∂L/∂x +
   * Σ u·∂L/∂W + Σ q·∂L/∂b} and {@code L = Σ c·conv(x, W, b)²}: third derivatives, through two
   * backward passes recorded with CREATE_GRAPH.
   */
  private static double[][] thirdDerivatives(Tensor[] xwb, Layer layer, boolean fused) {
    Tensor x = xwb[0].copy().requiresGrad();
    Tensor w = xwb[1].copy().requiresGrad();
    Tensor b = xwb[2].copy().requiresGrad();
    List<Tensor> xs = List.of(x, w, b);
    Random r = new Random(15);
    try (Tape tape = Tape.record()) {
      Tensor y =
          fused
              ? Conv2d.fused(x, w, b, layer.stride, layer.pad)
              : Conv2d.composed(x, w, b, layer.stride, layer.pad);
      Tensor loss = y.pow(2).mul(seedFor(y)).sum();
      Tensor first = projected(tape.grad(loss, xs, GradOption.CREATE_GRAPH), r);
      Tensor second = projected(tape.grad(first, xs, GradOption.CREATE_GRAPH), r);
      return tape.grad(second, xs).stream().map(Tensor::data).toArray(double[][]::new);
    }
  }

  /** {@code Σ_i Σ d_i·g_i} with fresh random directions {@code d_i}: a differentiable scalar. */
  private static Tensor projected(List<Tensor> gradients, Random r) {
    Tensor total = Tensor.scalar(0);
    for (Tensor g : gradients) {
      total = total.add(g.mul(Tensor.randn(r, g.shape())).sum());
    }
    return total;
  }

  /**
   * {@code ∂/∂(x, W, b)} of {@code Σ v·∂L/∂x + Σ u·∂L/∂W} where {@code L = Σ c·conv(x, W, b)²}: the
   * mixed second derivatives, taken through the backward pass recorded with CREATE_GRAPH.
   */
  private static double[][] secondDerivatives(Tensor[] xwb, Layer layer, boolean fused) {
    Tensor x = xwb[0].copy().requiresGrad();
    Tensor w = xwb[1].copy().requiresGrad();
    Tensor b = xwb[2].copy().requiresGrad();
    Random r = new Random(8);
    Tensor v = Tensor.randn(r, layer.input);
    Tensor u = Tensor.randn(r, layer.filters);
    try (Tape tape = Tape.record()) {
      Tensor y =
          fused
              ? Conv2d.fused(x, w, b, layer.stride, layer.pad)
              : Conv2d.composed(x, w, b, layer.stride, layer.pad);
      Tensor loss = y.pow(2).mul(seedFor(y)).sum();
      List<Tensor> first = tape.grad(loss, List.of(x, w), GradOption.CREATE_GRAPH);
      Tensor projected = first.get(0).mul(v).sum().add(first.get(1).mul(u).sum());
      List<Tensor> second = tape.grad(projected, List.of(x, w, b));
      return second.stream().map(Tensor::data).toArray(double[][]::new);
    }
  }
}
