package dev.tapegrad.bench;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Gemm;
import dev.tapegrad.autograd.kernels.Workspace;
import dev.tapegrad.layers.Module;
import dev.tapegrad.layers.net.DeepConvNet;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.net.SimpleConvNet;
import dev.tapegrad.layers.net.TwoLayerNet;
import dev.tapegrad.layers.optim.Adam;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.optim.Sgd;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** tapegrad itself: the book's networks from {@code dev.tapegrad.layers}, trained on a tape. */
public final class TapegradPeer extends InProcessPeer {
  /** The book's learning rate for TwoLayerNet with SGD. */
  static final double SGD_LEARNING_RATE = 0.1;

  @Override
  public String name() {
    return "tapegrad";
  }

  @Override
  public String backend() {
    return "tapegrad on Java "
        + System.getProperty("java.version")
        + ", BLAS "
        + Gemm.implementation();
  }

  @Override
  public PreparedStep prepare(Workload workload) {
    RandomGenerator rng = new SplittableRandom(SEED);
    return switch (workload) {
      case TWO_LAYER_SGD ->
          train(
              new TwoLayerNet(784, 50, 10, rng),
              new Sgd(SGD_LEARNING_RATE),
              SyntheticData.flatImages(rng, Workload.BATCH),
              rng);
      case MLP_ADAM ->
          train(
              new MultiLayerNet(784, List.of(100, 100, 100, 100), 10, rng),
              new Adam(),
              SyntheticData.flatImages(rng, Workload.BATCH),
              rng);
      case SIMPLE_CONV_ADAM ->
          train(new SimpleConvNet(rng), new Adam(), SyntheticData.images(rng, Workload.BATCH), rng);
      case DEEP_CONV_ADAM ->
          train(new DeepConvNet(rng), new Adam(), SyntheticData.images(rng, Workload.BATCH), rng);
      case INFER_BATCH_100 -> inference(rng, 100);
      case INFER_BATCH_1 -> inference(rng, 1);
      case GEMM_100_784_50, GEMM_100_4320_100, GEMM_57600_25_30, GEMM_1024 -> gemm(workload, rng);
    };
  }

  private static TapegradTrainingStep train(
      Network net, Optimizer optimizer, Tensor x, RandomGenerator rng) {
    return new TapegradTrainingStep(
        net::loss, net.parameters(), optimizer, x, SyntheticData.labels(rng, x.dim(0)));
  }

  private static TapegradInference inference(RandomGenerator rng, int batchSize) {
    Module net = TapegradNetworks.sigmoidInferenceNet(rng);
    net.eval();
    return new TapegradInference(
        net,
        SyntheticData.flatImages(rng, Workload.INFERENCE_IMAGES),
        SyntheticData.labels(rng, Workload.INFERENCE_IMAGES),
        batchSize);
  }

  private static PreparedStep gemm(Workload workload, RandomGenerator rng) {
    int[] mkn = workload.gemmShape();
    double[] a = Tensor.randn(rng, mkn[0], mkn[1]).data();
    double[] b = Tensor.randn(rng, mkn[1], mkn[2]).data();
    double[][] product = new double[1][]; // kept, so the multiply cannot be optimised away
    // Each product replaces the last one, which is dropped first, as NumPy's `a @ b` drops its
    // previous result: NumPy's allocator then hands the same block back, and Workspace does too.
    return () -> {
      if (product[0] != null) {
        Workspace.give(product[0]);
      }
      product[0] = Gemm.multiply(a, false, b, false, mkn[0], mkn[2], mkn[1]);
    };
  }
}
