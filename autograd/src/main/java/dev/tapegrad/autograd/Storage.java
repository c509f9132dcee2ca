package dev.tapegrad.autograd;

/**
 * The array behind a tensor, shared by the tensor and its views ({@code reshape}, {@code detach}).
 * A tape closed with {@link Tape#recycling()} hands the array back to the thread's pool and marks
 * the storage recycled, which makes every tensor over it refuse to read or write its values.
 */
final class Storage {
  private final double[] array;
  private boolean recycled;

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

  /** Marks the array as given back: from now on it belongs to the pool. */
  void markRecycled() {
    recycled = true;
  }
}
