package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;

/**
 * How ops read their inputs: a tensor's values as one row-major array from index 0, the tensor's
 * own array when it spans it (no copy), a copy of the rows of a slice that covers part of a larger
 * array. Kernels only read it.
 */
final class Values {
  private Values() {}

  static double[] of(Tensor t) {
    Tensor.InPlace values = t.readInPlace();
    if (values.offset() == 0 && values.array().length == t.size()) {
      return values.array();
    }
    return t.toArray();
  }
}
