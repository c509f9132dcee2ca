package dev.tapegrad.layers.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.check.GradCheckReport;
import dev.tapegrad.layers.init.WeightInit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The book's gradient check (5.7.3) for every network: the tape's gradients of the loss against
 * central differences with respect to all parameters at once; per-parameter relative error at most
 * 1e-6.
 */
class NetworkGradientTest {
  private static final double MAX_RELATIVE_ERROR = 1e-6;

  @Test
  void twoLayerNetOnThreeSamplesAsSection5_7_3() {
    Random rng = new Random(5);
    TwoLayerNet net = new TwoLayerNet(784, 50, 10, rng);
    Tensor x = Tensor.rand(rng, 3, 784);
    check(net, x, new int[] {3, 7, 1}, GradCheck.withDefaults());
  }

  @Test
  void twoLayerNetWithSigmoidAsChapter4() {
    Random rng = new Random(6);
    TwoLayerNet net = new TwoLayerNet(20, 8, 4, WeightInit.normal(0.5), Activation.SIGMOID, rng);
    check(net, Tensor.rand(rng, 3, 20), new int[] {0, 3, 2}, GradCheck.withDefaults());
  }

  @Test
  void multiLayerNetWithWeightDecayAndSigmoid() {
    Random rng = new Random(11);
    MultiLayerNet net =
        new MultiLayerNet(
            12,
            List.of(7, 6, 5),
            4,
            MultiLayerNet.Options.defaults()
                .withActivation(Activation.SIGMOID)
                .withWeightInit(WeightInit.xavier())
                .withWeightDecay(0.1),
            rng);
    check(net, Tensor.rand(rng, 3, 12), new int[] {0, 1, 3}, GradCheck.withDefaults());
  }

  /** The repo's ch06 batch-norm check: MultiLayerNetExtend with batch norm (here batch of 4). */
  @Test
  void multiLayerNetExtendWithBatchNorm() {
    Random rng = new Random(12);
    MultiLayerNet net =
        new MultiLayerNet(
            10, List.of(8, 8), 3, MultiLayerNet.Options.defaults().withBatchNorm(true), rng);
    check(net, Tensor.rand(rng, 4, 10), new int[] {0, 2, 1, 2}, GradCheck.withDefaults());
  }

  /** The repo's ch07 check: a (1,10,10) input, 10 filters 3×3, hidden 10. */
  @Test
  void simpleConvNetOnA10x10Image() {
    Random rng = new Random(7);
    SimpleConvNet net =
        new SimpleConvNet(
            new SimpleConvNet.Config(1, 10, 10, 10, 3, 1, 0, 10, 10, WeightInit.normal(0.1)), rng);
    check(net, Tensor.rand(rng, 1, 1, 10, 10), new int[] {1}, GradCheck.withDefaults());
  }

  /** Dropout makes the training loss random, so the check runs in evaluation mode. */
  @Test
  void deepConvNetSampledInEvaluationMode() {
    Random rng = new Random(8);
    DeepConvNet net = new DeepConvNet(rng);
    net.eval();
    check(
        net,
        Tensor.rand(rng, 2, 1, 28, 28),
        new int[] {4, 9},
        GradCheck.withDefaults().sampling(12));
  }

  static void check(Network net, Tensor x, int[] labels, GradCheck checker) {
    GradCheckReport report = checker.checkParameters(net.parameters(), () -> net.loss(x, labels));
    assertTrue(report.passed(), report::toString);
    assertTrue(report.maxTensorRelativeError() <= MAX_RELATIVE_ERROR, report::toString);
  }
}
