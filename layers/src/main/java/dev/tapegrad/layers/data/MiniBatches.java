package dev.tapegrad.layers.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One epoch of mini-batches over a dataset: the samples in a fixed order (shuffled or not), cut
 * into consecutive batches of {@code batchSize}, the last one smaller when the size does not
 * divide. Every sample appears in exactly one batch. The order is fixed when this object is made,
 * so iterating twice gives the same batches.
 */
public final class MiniBatches implements Iterable<Batch> {
  private final Dataset dataset;
  private final int[] order;
  private final int batchSize;

  MiniBatches(Dataset dataset, int[] order, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "mini-batches: batch size must be at least 1, got " + batchSize);
    }
    this.dataset = dataset;
    this.order = order;
    this.batchSize = batchSize;
  }

  /** The largest batch size (every batch but possibly the last has it). */
  public int batchSize() {
    return batchSize;
  }

  /** The number of batches: the dataset size divided by the batch size, rounded up. */
  public int count() {
    return (order.length + batchSize - 1) / batchSize;
  }

  /** A copy of the order in which the dataset's samples are visited. */
  public int[] order() {
    return order.clone();
  }

  @Override
  public Iterator<Batch> iterator() {
    return new Iterator<>() {
      private int start;

      @Override
      public boolean hasNext() {
        return start < order.length;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("mini-batches: all " + count() + " batches were taken");
        }
        int end = Math.min(start + batchSize, order.length);
        int[] indices = Arrays.copyOfRange(order, start, end);
        start = end;
        return new Batch(indices, dataset.rows(indices));
      }
    };
  }
}
