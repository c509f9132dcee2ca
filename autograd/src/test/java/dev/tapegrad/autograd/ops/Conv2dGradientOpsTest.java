package dev.tapegrad.autograd.ops;

import static dev.tapegrad.autograd.check.GradCheck.assertGradients;
import static dev.tapegrad.autograd.check.GradCheck.assertSecondOrderGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.RandomShapes;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.TensorFunction;
import dev.tapegrad.autograd.kernels.ConvGeometry;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient ops of {@code conv2d} ({@code conv2dInputGradient}, {@code conv2dFilterGradient},
 * {@code conv2dBiasGradient}) and {@code conv2d} itself, over seeded random geometries (stride 1–2,
 * pad 0–1, square and non-square filters): first and second derivatives against float64 central
 * differences, and each fused node against its composed form (values, gradients, expansion).
 */
class Conv2dGradientOpsTest {
  private static final int SEEDS = 12;
  private static final double TOLERANCE = 1e-10;

  /** A convolution's sizes: input (N,C,H,W), filters (FN,C,FH,FW), stride and pad. */
  record Geometry(int[] input, int[] filters, int stride, int pad) {
    /** Small sizes that fit; odd seeds get a non-square filter. */
    static Geometry random(int seed) {
      RandomShapes r = new RandomShapes(seed * 31L + 7);
      int fh = r.between(1, 3);
      int fw = seed % 2 == 1 ? fh % 3 + 1 : fh;
      int stride = r.between(1, 2);
      int pad = r.between(0, 1);
      int h = r.between(Math.max(1, fh - 2 * pad), 6);
      int w = r.between(Math.max(1, fw - 2 * pad), 6);
      int channels = r.between(1, 3);
      return new Geometry(
          new int[] {r.between(1, 2), channels, h, w},
          new int[] {r.between(1, 3), channels, fh, fw},
          stride,
          pad);
    }

    ConvGeometry sizes() {
      return Conv2d.geometry("test", input, filters, stride, pad);
    }

    int[] output() {
      ConvGeometry g = sizes();
      return new int[] {g.n(), g.filters(), g.oh(), g.ow()};
    }

    Tensor conv2d(Tensor x, Tensor w, Tensor b) {
      return x.conv2d(w, b, stride, pad);
    }

    Tensor inputGradient(Tensor gy, Tensor w) {
      return Conv2dInputGradient.of(gy, w, input, stride, pad);
    }

    Tensor filterGradient(Tensor gy, Tensor x) {
      return Conv2dFilterGradient.of(gy, x, filters, stride, pad);
    }

    Tensor biasGradient(Tensor gy) {
      try (ConvOutputGradient relaid = ConvOutputGradient.relaid("test", gy, sizes())) {
        return Conv2dBiasGradient.of(relaid);
      }
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, SEEDS);
  }

  @Test
  void theRandomGeometriesCoverStridesPadsAndNonSquareFilters() {
    List<Geometry> all = seeds().mapToObj(Geometry::random).toList();
    for (int stride = 1; stride <= 2; stride++) {
      for (int pad = 0; pad <= 1; pad++) {
        int s = stride;
        int p = pad;
        assertTrue(all.stream().anyMatch(g -> g.stride == s && g.pad == p), s + ", " + p);
      }
    }
    assertTrue(all.stream().anyMatch(g -> g.filters[2] != g.filters[3]));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void conv2dFirstAndSecondDerivativesMatchCentralDifferences(int seed) {
    Geometry g = Geometry.random(seed);
    Random r = new Random(seed);
    Tensor[] xwb = {
      Tensor.randn(r, g.input), Tensor.randn(r, g.filters), Tensor.randn(r, g.filters[0])
    };
    assertGradients(xs -> g.conv2d(xs[0], xs[1], xs[2]), xwb);
    assertSecondOrderGradients(xs -> g.conv2d(xs[0], xs[1], xs[2]).pow(2), xwb);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void inputGradientFirstAndSecondDerivativesMatchCentralDifferences(int seed) {
    Geometry g = Geometry.random(seed);
    Random r = new Random(seed);
    Tensor[] gyw = {Tensor.randn(r, g.output()), Tensor.randn(r, g.filters)};
    assertGradients(xs -> g.inputGradient(xs[0], xs[1]), gyw);
    assertSecondOrderGradients(xs -> g.inputGradient(xs[0], xs[1]).pow(2), gyw);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void filterGradientFirstAndSecondDerivativesMatchCentralDifferences(int seed) {
    Geometry g = Geometry.random(seed);
    Random r = new Random(seed);
    Tensor[] gyx = {Tensor.randn(r, g.output()), Tensor.randn(r, g.input)};
    assertGradients(xs -> g.filterGradient(xs[0], xs[1]), gyx);
    assertSecondOrderGradients(xs -> g.filterGradient(xs[0], xs[1]).pow(2), gyx);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void biasGradientFirstAndSecondDerivativesMatchCentralDifferences(int seed) {
    Geometry g = Geometry.random(seed);
    Tensor gy = Tensor.randn(new Random(seed), g.output());
    assertGradients(g::biasGradient, gy);
    assertSecondOrderGradients(xs -> g.biasGradient(xs[0]).pow(2), gy);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void inputGradientFusedEqualsComposed(int seed) {
    Geometry g = Geometry.random(seed);
    Random r = new Random(seed);
    assertFusedEqualsComposed(
        "conv2dInputGradient",
        xs -> g.inputGradient(xs[0], xs[1]),
        xs -> Conv2dInputGradient.composed(xs[0], xs[1], g.input, g.stride, g.pad),
        Tensor.randn(r, g.output()),
        Tensor.randn(r, g.filters));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void filterGradientFusedEqualsComposed(int seed) {
    Geometry g = Geometry.random(seed);
    Random r = new Random(seed);
    assertFusedEqualsComposed(
        "conv2dFilterGradient",
        xs -> g.filterGradient(xs[0], xs[1]),
        xs -> Conv2dFilterGradient.composed(xs[0], xs[1], g.filters, g.stride, g.pad),
        Tensor.randn(r, g.output()),
        Tensor.randn(r, g.input));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void biasGradientFusedEqualsComposed(int seed) {
    Geometry g = Geometry.random(seed);
    assertFusedEqualsComposed(
        "conv2dBiasGradient",
        xs -> g.biasGradient(xs[0]),
        xs -> Conv2dBiasGradient.composed(xs[0]),
        Tensor.randn(new Random(seed), g.output()));
  }

  @Test
  void badShapesNameTheOp() {
    Geometry g = Geometry.random(0);
    Tensor w = Tensor.zeros(g.filters);
    Tensor x = Tensor.zeros(g.input);
    IllegalArgumentException wrongGradient =
        assertThrows(IllegalArgumentException.class, () -> g.inputGradient(Tensor.zeros(2, 3), w));
    assertTrue(
        wrongGradient.getMessage().startsWith("conv2dInputGradient: output gradient (2,3)"),
        wrongGradient.getMessage());
    IllegalArgumentException wrongChannels =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Conv2dFilterGradient.of(
                    Tensor.zeros(g.output()), x, new int[] {1, g.input[1] + 1, 1, 1}, 1, 0));
    assertTrue(
        wrongChannels.getMessage().startsWith("conv2dFilterGradient: input "),
        wrongChannels.getMessage());
    IllegalArgumentException tooLarge =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Conv2dInputGradient.of(
                    Tensor.zeros(g.output()), Tensor.zeros(1, g.input[1], 9, 9), g.input, 1, 0));
    assertTrue(tooLarge.getMessage().contains("do not fit an input of"), tooLarge.getMessage());
  }

  /**
   * One fused node (expansion replaying the composed graph) whose value and input gradients agree
   * with the composed form's.
   */
  private static void assertFusedEqualsComposed(
      String op, TensorFunction fused, TensorFunction composed, Tensor... inputs) {
    Tensor seed = Tensor.randn(new Random(99), fused.apply(inputs).shape());
    Tensor[] a = copiesNeedingGradients(inputs);
    Tensor[] b = copiesNeedingGradients(inputs);
    Tensor ya;
    Tensor yb;
    try (Tape tape = Tape.record()) {
      ya = fused.apply(a);
      assertEquals(List.of(op), tape.nodes().stream().map(Node::op).toList());
      Tensor replay = ya.creator().expansion().orElseThrow().apply(List.of(inputs));
      assertArrayEquals(ya.data(), replay.data(), TOLERANCE);
      tape.backward(ya, seed);
    }
    try (Tape tape = Tape.record()) {
      yb = composed.apply(b);
      assertTrue(
          tape.nodes().stream().noneMatch(n -> n.expansion().isPresent()),
          "the composed form is primitive nodes");
      tape.backward(yb, seed);
    }
    assertArrayEquals(yb.shape(), ya.shape());
    assertArrayEquals(yb.data(), ya.data(), TOLERANCE);
    for (int i = 0; i < inputs.length; i++) {
      assertArrayEquals(b[i].grad().data(), a[i].grad().data(), TOLERANCE);
    }
  }

  private static Tensor[] copiesNeedingGradients(Tensor[] inputs) {
    Tensor[] copies = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      copies[i] = inputs[i].copy().requiresGrad();
    }
    return copies;
  }
}
