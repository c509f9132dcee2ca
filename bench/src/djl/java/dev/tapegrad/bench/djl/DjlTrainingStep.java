package dev.tapegrad.bench.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.tapegrad.bench.PreparedStep;
import java.util.List;

/**
 * One DJL training step on a fixed batch: forward and softmax cross-entropy inside a {@link
 * GradientCollector}, backward, then DJL's optimizer updates each parameter (PyTorch's fused update
 * kernels) and the gradients are zeroed. Each step's temporary arrays are freed by an {@link
 * NDScope}; the first step runs outside it, so the optimizer's state survives.
 */
final class DjlTrainingStep implements PreparedStep {
  private final NDManager manager;
  private final DjlModel model;
  private final Optimizer optimizer;
  private final NDArray x;
  private final NDArray labels;
  private final Loss loss = Loss.softmaxCrossEntropyLoss();
  private boolean stateCreated;

  /** Takes ownership of {@code manager}, which holds the model and the batch. */
  DjlTrainingStep(
      NDManager manager, DjlModel model, Optimizer optimizer, NDArray x, NDArray labels) {
    this.manager = manager;
    this.model = model;
    this.optimizer = optimizer;
    this.x = x;
    this.labels = labels;
  }

  @Override
  public void run() {
    if (!stateCreated) {
      step();
      stateCreated = true;
      return;
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      step();
    }
  }

  private void step() {
    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
      NDArray scores = model.forward().apply(x);
      collector.backward(loss.evaluate(new NDList(labels), new NDList(scores)));
    }
    List<NDArray> parameters = model.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      NDArray p = parameters.get(i);
      NDArray grad = p.getGradient();
      optimizer.update("p" + i, p, grad);
      grad.subi(grad);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
