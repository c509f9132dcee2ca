package dev.tapegrad.autograd;

/**
 * The array behind a tensor, shared by the tensor and its views ({@code reshape}, {@code detach},
 * {@code slice}). When the tape that produced it closes with an {@link Arena}, the arena may take
 * the array back and mark the storage released: from then on every tensor over it refuses to read
 * or write its values.
 */
final class Storage {
  private final double[] array;
  private volatile boolean released;

  Storage(double[] array) {
    this.array = array;
  }

  /** The array, whether or not it was released (for the arena's own bookkeeping). */
  double[] array() {
    return array;
  }

  boolean isReleased() {
    return released;
  }

  /** Marks the array as taken back: the tensors over it no longer own it. */
  void release() {
    released = true;
  }
}
