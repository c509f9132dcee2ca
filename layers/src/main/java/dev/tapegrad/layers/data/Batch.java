package dev.tapegrad.layers.data;

import dev.tapegrad.autograd.Tensor;

/**
 * One mini-batch: the samples it holds, as a small {@link Dataset}, and the positions they have in
 * the dataset the batches were cut from.
 */
public final class Batch {
  private final int[] indices;
  private final Dataset samples;

  Batch(int[] indices, Dataset samples) {
    this.indices = indices;
    this.samples = samples;
  }

  /** A copy of the positions of these samples in the source dataset, in batch order. */
  public int[] indices() {
    return indices.clone();
  }

  /** The samples of this batch. */
  public Dataset samples() {
    return samples;
  }

  /** The number of samples. */
  public int size() {
    return indices.length;
  }

  /** The batch's images (shortcut for {@code samples().images()}). */
  public Tensor images() {
    return samples.images();
  }

  /** The batch's labels (shortcut for {@code samples().labels()}). */
  public int[] labels() {
    return samples.labels();
  }

  /** The batch's targets (shortcut for {@code samples().targets()}). */
  public Tensor targets() {
    return samples.targets();
  }
}
