package dev.tapegrad.layers.data;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * The content of one IDX file of unsigned bytes: its dimensions and its data in row-major order,
 * together with the name of the file it came from (for error messages further on).
 */
public final class IdxArray {
  private final String source;
  private final int[] dimensions;
  private final byte[] data;

  IdxArray(String source, int[] dimensions, byte[] data) {
    if (Shape.size(dimensions) != data.length) {
      throw new IllegalArgumentException(
          source
              + ": "
              + data.length
              + " bytes do not fill dimensions "
              + Shape.format(dimensions));
    }
    this.source = source;
    this.dimensions = dimensions.clone();
    this.data = data;
  }

  /** The file path or resource name this array was read from. */
  public String source() {
    return source;
  }

  /** A copy of the dimensions, outermost first (for MNIST images: count, rows, columns). */
  public int[] dimensions() {
    return dimensions.clone();
  }

  /** The number of dimensions. */
  public int rank() {
    return dimensions.length;
  }

  /** The size of dimension {@code axis}. */
  public int dimension(int axis) {
    return dimensions[axis];
  }

  /**
   * The number of entries along the first dimension (images in an image file, labels in a label
   * file).
   */
  public int count() {
    return dimensions[0];
  }

  /** The total number of values. */
  public int size() {
    return data.length;
  }

  /** The value at row-major position {@code index}, in 0..255. */
  public int unsignedByte(int index) {
    return Byte.toUnsignedInt(data[index]);
  }

  /**
   * All values, each divided by {@code divisor} (255.0 scales pixels to [0, 1]; 1.0 keeps them).
   */
  public double[] toDoubles(double divisor) {
    double[] out = new double[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Byte.toUnsignedInt(data[i]) / divisor;
    }
    return out;
  }

  /** All values as ints in 0..255 (for label files). */
  public int[] toInts() {
    int[] out = new int[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Byte.toUnsignedInt(data[i]);
    }
    return out;
  }

  /** The values (0..255) as a tensor with this array's dimensions as its shape. */
  public Tensor toTensor() {
    return Tensor.wrap(toDoubles(1.0), dimensions);
  }
}
