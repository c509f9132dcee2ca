package dev.tapegrad.layers.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.io.OptimizerStateCodec;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each optimizer with its default hyperparameters, two steps on p = [1, -2] with gradients g1 =
 * [0.5, -1] then g2 = [0.1, 0.2]. The expected values were computed independently with plain
 * float64 Python from BOOK.md's formulas; the arithmetic is in the comments.
 */
class OptimizerTwoStepsTest {
  private static final double TOLERANCE = 1e-12;

  static Stream<Arguments> cases() {
    return Stream.of(
        // p -= 0.01 g: 1 - 0.005 = 0.995, -2 + 0.01 = -1.99; then 0.995 - 0.001, -1.99 - 0.002.
        Arguments.of(
            named("SGD", Sgd::new),
            new double[] {0.995, -1.99},
            new double[] {0.994, -1.992},
            Map.of("sgd/t", new double[] {2})),
        // v = 0.9 v - 0.01 g; p += v.  v1 = [-0.005, 0.01]; p1 = [0.995, -1.99].
        // v2 = [0.9(-0.005) - 0.001, 0.9(0.01) - 0.002] = [-0.0055, 0.007]; p2 = [0.9895, -1.983].
        Arguments.of(
            named("Momentum", Momentum::new),
            new double[] {0.995, -1.99},
            new double[] {0.9895, -1.983},
            Map.of(
                "momentum/t",
                new double[] {2},
                "momentum/v/w",
                new double[] {-0.0055000000000000005, 0.007000000000000001})),
        // p += 0.81 v_old; p -= 1.9 * 0.01 g; v = 0.9 v - 0.01 g.
        // Step 1 (v_old = 0): p1 = [1 - 0.0095, -2 + 0.019] = [0.9905, -1.981];
        //         v1 = [-0.005, 0.01].
        // Step 2: p2 = [0.9905 - 0.00405 - 0.0019, -1.981 + 0.0081 - 0.0038] = [0.98455, -1.9767];
        //         v2 = [-0.0055, 0.007].
        // (The repository's v-first variant would give p1 = [0.98645, -1.9729] already.)
        Arguments.of(
            named("Nesterov", Nesterov::new),
            new double[] {0.9905, -1.981},
            new double[] {0.98455, -1.9767000000000001},
            Map.of(
                "nesterov/t",
                new double[] {2},
                "nesterov/v/w",
                new double[] {-0.0055000000000000005, 0.007000000000000001})),
        // h += g²; p -= 0.01 g / (sqrt(h) + 1e-7).
        // Step 1: h = [0.25, 1]; p1 = [1 - 0.005/(0.5 + 1e-7), -2 + 0.01/(1 + 1e-7)]
        //         = [0.9900000019999996, -1.9900000009999999].
        // Step 2: h = [0.26, 1.04]; sqrt = [0.50990195, 1.01980390];
        //         p2 = [p1 - 0.001/(0.50990195 + 1e-7), p1 - 0.002/(1.01980390 + 1e-7)].
        Arguments.of(
            named("AdaGrad", AdaGrad::new),
            new double[] {0.9900000019999996, -1.9900000009999999},
            new double[] {0.988038841033233, -1.991961162159074},
            Map.of("adagrad/t", new double[] {2}, "adagrad/h/w", new double[] {0.26, 1.04})),
        // h = 0.99 h + 0.01 g²; p -= 0.01 g / (sqrt(h) + 1e-7).
        // Step 1: h = [0.0025, 0.01]; p1 = [1 - 0.005/(0.05 + 1e-7), -2 + 0.01/(0.1 + 1e-7)].
        // Step 2: h = [0.002475 + 0.0001, 0.0099 + 0.0004] = [0.002575, 0.0103];
        //         p2 = [p1 - 0.001/(0.05074446 + 1e-7), p1 - 0.002/(0.10148892 + 1e-7)].
        Arguments.of(
            named("RMSprop", RmsProp::new),
            new double[] {0.9000001999996, -1.9000000999999},
            new double[] {0.8802936532711891, -1.9197066661457294},
            Map.of(
                "rmsprop/t",
                new double[] {2},
                "rmsprop/h/w",
                new double[] {0.0025750000000000026, 0.01030000000000001})),
        // Step 1: lr_t = 0.001 sqrt(1 - 0.999)/(1 - 0.9) = 3.1622776601683816e-4;
        //         m = 0.1 g = [0.05, -0.1]; v = 0.001 g² = [2.5e-4, 1e-3];
        //         p1[0] = 1 - lr_t 0.05/(0.0158113883 + 1e-7) = 1 - 9.999936754846801e-4.
        // Step 2: lr_t = 0.001 sqrt(1 - 0.999²)/(1 - 0.9²) = 2.3531672532745276e-4;
        //         m = m + 0.1 (g - m) = [0.055, -0.07];
        //         v = v + 0.001 (g² - v) = [2.5975e-4, 1.039e-3];
        //         p2[0] = p1[0] - lr_t 0.055/(0.0161167615 + 1e-7) = p1[0] - 8.030359958170813e-4.
        Arguments.of(
            named("Adam", Adam::new),
            new double[] {0.9990000063245154, -1.9990000031622677},
            new double[] {0.9981969703286983, -1.9984889786704665},
            Map.of(
                "adam/t",
                new double[] {2},
                "adam/m/w",
                new double[] {0.05499999999999999, -0.06999999999999998},
                "adam/v/w",
                new double[] {0.0002597500000000002, 0.0010390000000000009})));
  }

  private static Named<Supplier<Optimizer>> named(String name, Supplier<Optimizer> factory) {
    return Named.of(name, factory);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void twoStepsWithGivenGradients(
      Supplier<Optimizer> factory,
      double[] afterOne,
      double[] afterTwo,
      Map<String, double[]> stateAfterTwo) {
    Optimizer optimizer = factory.get();
    Tensor w = Tensor.vector(1.0, -2.0);
    Map<String, Tensor> params = Map.of("w", w);

    optimizer.step(params, Map.of("w", Tensor.vector(0.5, -1.0)));
    assertArrayEquals(afterOne, w.data(), TOLERANCE);
    optimizer.step(params, Map.of("w", Tensor.vector(0.1, 0.2)));
    assertArrayEquals(afterTwo, w.data(), TOLERANCE);

    Map<String, Tensor> state = OptimizerStateCodec.encode(optimizer);
    assertEquals(stateAfterTwo.keySet(), state.keySet());
    stateAfterTwo.forEach(
        (name, expected) -> assertArrayEquals(expected, state.get(name).data(), TOLERANCE, name));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gradientsFromTheTapeGiveTheSameSteps(
      Supplier<Optimizer> factory, double[] afterOne, double[] afterTwo) {
    Optimizer optimizer = factory.get();
    Tensor w = Tensor.vector(1.0, -2.0).requiresGrad();
    Map<String, Tensor> params = Map.of("w", w);

    backward(w, Tensor.vector(0.5, -1.0));
    optimizer.step(params);
    assertArrayEquals(afterOne, w.data(), TOLERANCE);
    w.zeroGrad();
    backward(w, Tensor.vector(0.1, 0.2));
    optimizer.step(params);
    assertArrayEquals(afterTwo, w.data(), TOLERANCE);
  }

  /** Gives {@code w} the gradient {@code g} through a recorded loss sum(w * g). */
  private static void backward(Tensor w, Tensor g) {
    try (Tape tape = Tape.record()) {
      tape.backward(w.mul(g).sum());
    }
  }
}
