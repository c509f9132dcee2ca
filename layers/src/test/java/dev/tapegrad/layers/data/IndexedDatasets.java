package dev.tapegrad.layers.data;

import dev.tapegrad.autograd.Tensor;

/**
 * Datasets whose samples say where they came from: sample {@code i} has the image row {@code [i,
 * 1000 + i]} and the label {@code i % 3}, so any subset, shuffle or batch can be traced back.
 */
final class IndexedDatasets {
  static final int CLASSES = 3;

  private IndexedDatasets() {}

  static Dataset indexed(int n) {
    double[] images = new double[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      images[2 * i] = i;
      images[2 * i + 1] = 1000 + i;
      labels[i] = i % CLASSES;
    }
    return Dataset.of(Tensor.wrap(images, n, 2), labels, CLASSES);
  }

  /**
   * The original index of every sample of {@code dataset}, read from its images; checks the rest.
   */
  static int[] originalIndices(Dataset dataset) {
    int[] indices = new int[dataset.size()];
    for (int row = 0; row < indices.length; row++) {
      int i = (int) dataset.images().get(row, 0);
      if (dataset.images().get(row, 1) != 1000 + i || dataset.label(row) != i % CLASSES) {
        throw new AssertionError("row " + row + " mixes parts of different samples");
      }
      indices[row] = i;
    }
    return indices;
  }
}
