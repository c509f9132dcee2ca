package dev.tapegrad.bench.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.tapegrad.bench.InProcessPeer;
import dev.tapegrad.bench.PreparedStep;
import dev.tapegrad.bench.Workload;
import java.util.function.Function;

/**
 * DJL with its PyTorch engine, what a Java user would pick instead of tapegrad: the same networks
 * and steps in float64, autograd through {@link ai.djl.training.GradientCollector}, DJL's SGD and
 * Adam. Built only with the {@code djl} Maven profile; the runner finds it with {@link
 * java.util.ServiceLoader}.
 */
public final class DjlPeer extends InProcessPeer {
  private static final String ENGINE = "PyTorch";
  private final NDManager root;

  /** Opens a PyTorch engine manager; public for {@link java.util.ServiceLoader}. */
  public DjlPeer() {
    root = NDManager.newBaseManager(Device.cpu(), ENGINE);
    root.getEngine().setRandomSeed((int) SEED);
  }

  @Override
  public String name() {
    return "djl";
  }

  @Override
  public String backend() {
    Engine engine = root.getEngine();
    return "DJL "
        + Engine.getDjlVersion()
        + ", "
        + engine.getEngineName()
        + " "
        + engine.getVersion()
        + " (CPU)";
  }

  @Override
  public PreparedStep prepare(Workload workload) {
    NDManager m = root.newSubManager();
    return switch (workload) {
      case TWO_LAYER_SGD ->
          train(
              m,
              DjlModels::twoLayerNet,
              Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build(),
              784);
      case MLP_ADAM -> train(m, DjlModels::multiLayerNet, adam(), 784);
      case SIMPLE_CONV_ADAM -> train(m, DjlModels::simpleConvNet, adam(), 1, 28, 28);
      case DEEP_CONV_ADAM -> train(m, DjlModels::deepConvNet, adam(), 1, 28, 28);
      case INFER_BATCH_100 -> inference(m, 100);
      case INFER_BATCH_1 -> inference(m, 1);
      case GEMM_100_784_50, GEMM_100_4320_100, GEMM_57600_25_30, GEMM_1024 -> gemm(m, workload);
    };
  }

  private static Optimizer adam() {
    return Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.001f)).build();
  }

  private static DjlTrainingStep train(
      NDManager m, Function<NDManager, DjlModel> network, Optimizer optimizer, long... sample) {
    DjlModel model = network.apply(m);
    long[] shape = new long[sample.length + 1];
    shape[0] = Workload.BATCH;
    System.arraycopy(sample, 0, shape, 1, sample.length);
    NDArray x = m.randomUniform(0, 1, new Shape(shape), DataType.FLOAT64);
    NDArray labels = m.randomInteger(0, 10, new Shape(Workload.BATCH), DataType.INT64);
    return new DjlTrainingStep(m, model, optimizer, x, labels);
  }

  private static DjlInference inference(NDManager m, int batchSize) {
    DjlModel model = DjlModels.sigmoidInferenceNet(m);
    NDArray images =
        m.randomUniform(0, 1, new Shape(Workload.INFERENCE_IMAGES, 784), DataType.FLOAT64);
    NDArray labels = m.randomInteger(0, 10, new Shape(Workload.INFERENCE_IMAGES), DataType.INT64);
    return new DjlInference(m, model, images, labels, batchSize);
  }

  private static PreparedStep gemm(NDManager m, Workload workload) {
    int[] mkn = workload.gemmShape();
    NDArray a = m.randomNormal(0, 1, new Shape(mkn[0], mkn[1]), DataType.FLOAT64);
    NDArray b = m.randomNormal(0, 1, new Shape(mkn[1], mkn[2]), DataType.FLOAT64);
    return new PreparedStep() {
      @Override
      public void run() {
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          a.matMul(b);
        }
      }

      @Override
      public void close() {
        m.close();
      }
    };
  }

  @Override
  public void close() {
    root.close();
  }
}
