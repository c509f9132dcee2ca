package dev.tapegrad.bench.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.tapegrad.bench.PreparedStep;

/**
 * The chapter-3 inference loop in DJL: softmax scores for 10,000 images batch by batch, the argmax
 * compared with the labels; each batch's arrays are freed by an {@link NDScope}. No {@link
 * GradientCollector} is open, so nothing is recorded for autograd.
 */
final class DjlInference implements PreparedStep {
  private final NDManager manager;
  private final DjlModel model;
  private final NDArray images;
  private final NDArray labels;
  private final int batchSize;

  /** Takes ownership of {@code manager}, which holds the model and the data. */
  DjlInference(NDManager manager, DjlModel model, NDArray images, NDArray labels, int batchSize) {
    this.manager = manager;
    this.model = model;
    this.images = images;
    this.labels = labels;
    this.batchSize = batchSize;
  }

  @Override
  public void run() {
    long n = images.getShape().get(0);
    for (long start = 0; start < n; start += batchSize) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDIndex rows = new NDIndex("{}:{}", start, Math.min(n, start + batchSize));
        NDArray probabilities = model.forward().apply(images.get(rows)).softmax(-1);
        // The hit count, read back as NumPy's loop does.
        probabilities.argMax(1).eq(labels.get(rows)).sum().getLong();
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
