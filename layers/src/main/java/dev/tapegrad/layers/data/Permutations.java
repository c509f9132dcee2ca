package dev.tapegrad.layers.data;

import java.util.random.RandomGenerator;

/** Orders of sample indices: the identity and uniformly random (Fisher–Yates) permutations. */
final class Permutations {
  private Permutations() {}

  /** {@code 0, 1, ..., n-1}. */
  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** A uniformly random permutation of {@code 0..n-1} drawn from {@code rng}. */
  static int[] random(int n, RandomGenerator rng) {
    int[] order = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
