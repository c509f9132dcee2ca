package dev.tapegrad.layers.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The book's optimizer-path experiment (section 6.1, Fig 6-8): f(x, y) = x²/20 + y² with gradient
 * (x/10, 2y), start (-7, 2), 30 updates, learning rates SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam
 * 0.3, other hyperparameters at their defaults. The final points come from an independent float64
 * Python run of the same update rules (plain floats, and NumPy for Adam).
 */
class OptimizerPathTest {

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of(Named.of("SGD", new Sgd(0.95)), -0.3503929957523197, 0.0847823165504322),
        Arguments.of(
            Named.of("Momentum", new Momentum(0.1)), 0.896413858493733, 0.08808560171506971),
        Arguments.of(
            Named.of("AdaGrad", new AdaGrad(1.5)), -0.12016232231416045, 2.486389893984459e-17),
        Arguments.of(Named.of("Adam", new Adam(0.3)), 0.13600685239498186, 0.31824537553721943));
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void thirtyStepsEndWhereTheReferenceRunEnds(Optimizer optimizer, double finalX, double finalY) {
    Tensor x = Tensor.scalar(-7.0);
    Tensor y = Tensor.scalar(2.0);
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("x", x);
    params.put("y", y);

    for (int i = 0; i < 30; i++) {
      Map<String, Tensor> grads = new LinkedHashMap<>();
      grads.put("x", Tensor.scalar(x.item() / 10.0));
      grads.put("y", Tensor.scalar(2.0 * y.item()));
      optimizer.step(params, grads);
    }

    assertEquals(finalX, x.item(), 1e-9);
    assertEquals(finalY, y.item(), 1e-9);
    assertTrue(
        Math.hypot(x.item(), y.item()) < Math.hypot(-7.0, 2.0),
        "ends closer to the minimum (0, 0) than the start");
    assertEquals(30, optimizer.stepCount());
  }
}
