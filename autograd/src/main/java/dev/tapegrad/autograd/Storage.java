package dev.tapegrad.autograd;

/**
 * The array behind a tensor, shared by the tensor and its views ({@code reshape}, {@code detach}).
 * A tape closed with {@link Tape#recycling()} hands the array back to the thread's pool and marks
 * the storage recycled, which makes every tensor over it refuse to read or write its values.
 *
 * <p>It also knows the {@link Tensor#slice slices} that still read their rows from the array in
 * place, so that they copy their rows out before anyone may write into it.
 */
final class Storage {
  private final double[] array;
  private volatile boolean recycled;

  /** Guarded by {@code this}; read once without the lock as a fast path (null: nothing to do). */
  private volatile WeakList<Tensor> unreadSlices;

  Storage(double[] array) {
    this.array = array;
  }

  /** The array, whether or not it was recycled (for the tape's own bookkeeping). */
  double[] array() {
    return array;
  }

  boolean isRecycled() {
    return recycled;
  }

  /**
   * Marks the array as given back: from now on it belongs to the pool. Slices still reading it copy
   * their rows out first, under the lock that {@code Tensor.slice} takes, so no slice of it can be
   * taken in between.
   */
  synchronized void markRecycled() {
    copyOutSlices();
    recycled = true;
  }

  /**
   * Remembers a slice that reads its rows from this array until it copies them out. Under this
   * storage's lock, like {@link #copyOutSlices}, so that a slice taken while another thread copies
   * the others out is either copied too or taken after.
   */
  synchronized void addUnreadSlice(Tensor slice) {
    if (unreadSlices == null) {
      unreadSlices = new WeakList<>(Tensor::isUnreadSlice);
    }
    unreadSlices.add(slice);
  }

  /**
   * Has every slice still reading from this array copy its rows out: the array may change, or go
   * back to the pool.
   */
  void copyOutSlices() {
    if (unreadSlices == null) {
      return;
    }
    synchronized (this) {
      if (unreadSlices == null) {
        return;
      }
      for (Tensor slice : unreadSlices.live()) {
        slice.copyRowsOut(this);
      }
      unreadSlices = null;
    }
  }
}
