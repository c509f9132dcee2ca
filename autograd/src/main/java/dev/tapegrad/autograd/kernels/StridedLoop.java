package dev.tapegrad.autograd.kernels;

/**
 * Walks a shape in row-major order in contiguous runs, tracking the offsets of two strided operands
 * alongside the linear index. Adjacent dimensions that both operands traverse contiguously are
 * merged, so a broadcast of a bias over a batch is one run per row and an equal-shape operation is
 * a single run.
 */
final class StridedLoop {
  private StridedLoop() {}

  /** Receives one innermost run of {@code n} elements. */
  interface RunConsumer {
    void run(int linear, int aOffset, int aStride, int bOffset, int bStride, int n);
  }

  static void forEachRun(int[] shape, int[] aStrides, int[] bStrides, RunConsumer consumer) {
    int rank = shape.length;
    int[] dims = new int[rank + 1];
    int[] sa = new int[rank + 1];
    int[] sb = new int[rank + 1];
    int blocks = 0;
    for (int i = rank - 1; i >= 0; i--) {
      int d = shape[i];
      if (d == 0) {
        return;
      }
      if (d == 1) {
        continue;
      }
      if (blocks > 0
          && aStrides[i] == sa[blocks - 1] * dims[blocks - 1]
          && bStrides[i] == sb[blocks - 1] * dims[blocks - 1]) {
        dims[blocks - 1] *= d;
      } else {
        dims[blocks] = d;
        sa[blocks] = aStrides[i];
        sb[blocks] = bStrides[i];
        blocks++;
      }
    }
    if (blocks == 0) {
      consumer.run(0, 0, 0, 0, 0, 1);
      return;
    }
    int n = dims[0];
    int[] counter = new int[blocks];
    int aOff = 0;
    int bOff = 0;
    int linear = 0;
    while (true) {
      consumer.run(linear, aOff, sa[0], bOff, sb[0], n);
      linear += n;
      int k = 1;
      while (k < blocks) {
        counter[k]++;
        aOff += sa[k];
        bOff += sb[k];
        if (counter[k] < dims[k]) {
          break;
        }
        aOff -= sa[k] * dims[k];
        bOff -= sb[k] * dims[k];
        counter[k] = 0;
        k++;
      }
      if (k == blocks) {
        return;
      }
    }
  }
}
