package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Optional;

/**
 * How a NumPy array's raw bytes are laid out: element type, shape, and C (row-major) or Fortran
 * (column-major) order. Turns exactly that many bytes into a row-major float64 {@link Tensor}.
 */
final class ArrayLayout {
  private final NumpyDtype dtype;
  private final int[] shape;
  private final boolean fortranOrder;
  private final int elementCount;

  private ArrayLayout(NumpyDtype dtype, int[] shape, boolean fortranOrder, int elementCount) {
    this.dtype = dtype;
    this.shape = shape;
    this.fortranOrder = fortranOrder;
    this.elementCount = elementCount;
  }

  /**
   * The layout of an array of {@code dtype} and {@code dims}, or an error when a dimension is
   * negative, the array is too large for a tensor, or its tensor could never fit in this JVM's heap
   * (see {@link HeapLimit}).
   */
  static ArrayLayout of(NumpyDtype dtype, long[] dims, boolean fortranOrder, String source)
      throws CheckpointFormatException {
    int[] shape = new int[dims.length];
    long count = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
        throw new CheckpointFormatException(
            source, "dimension " + i + " of the shape is " + dims[i]);
      }
      shape[i] = (int) dims[i];
      boolean overflows = dims[i] != 0 && count > Integer.MAX_VALUE / dims[i];
      count = overflows ? Integer.MAX_VALUE : count * dims[i];
    }
    if (count * dtype.itemSize() > Integer.MAX_VALUE - 8) {
      throw new CheckpointFormatException(
          source, "array of shape " + Shape.format(shape) + " is too large for a tensor");
    }
    Optional<String> tooLarge = HeapLimit.problem(count * Double.BYTES);
    if (tooLarge.isPresent()) {
      throw new CheckpointFormatException(
          source, "a tensor of shape " + Shape.format(shape) + " " + tooLarge.get());
    }
    return new ArrayLayout(dtype, shape, fortranOrder, (int) count);
  }

  /** Bytes of data this layout needs. */
  int byteCount() {
    return elementCount * dtype.itemSize();
  }

  /** E.g. {@code shape (3,4) of <f4 in Fortran order}, for messages. */
  String describe() {
    return "shape "
        + Shape.format(shape)
        + " of "
        + dtype.descr()
        + (fortranOrder ? " in Fortran order" : "");
  }

  /** The error for {@code actualBytes} bytes of data that do not fit this layout. */
  CheckpointFormatException lengthMismatch(long actualBytes, String source) {
    return new CheckpointFormatException(
        source,
        "header says "
            + describe()
            + ", which needs "
            + byteCount()
            + " bytes of data, but "
            + actualBytes
            + " bytes are there");
  }

  /** {@code raw}, exactly {@link #byteCount()} bytes, as a row-major float64 tensor. */
  Tensor toTensor(byte[] raw, String source) throws CheckpointFormatException {
    if (raw.length != byteCount()) {
      throw lengthMismatch(raw.length, source);
    }
    double[] values = dtype.decode(raw, elementCount, source);
    if (!fortranOrder) {
      return Tensor.wrap(values, shape);
    }
    // Column-major data read as row-major is the array with its axes reversed.
    int[] reversed = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      reversed[i] = shape[shape.length - 1 - i];
    }
    return Tensor.wrap(values, reversed).transpose();
  }
}
