package dev.tapegrad.viz.diagram.layout;

/**
 * Places items on a line as close as possible (least squares) to their targets while keeping their
 * order and a minimum gap between neighbours: isotonic regression by pool-adjacent-violators after
 * subtracting the cumulative gaps.
 */
final class Isotonic {
  private Isotonic() {}

  /**
   * Positions {@code y} minimising {@code Σ weight·(y − target)²} subject to {@code y[k+1] − y[k] ≥
   * gap[k]}.
   */
  static double[] place(double[] target, double[] weight, double[] gap) {
    int n = target.length;
    double[] offset = new double[n];
    for (int k = 1; k < n; k++) {
      offset[k] = offset[k - 1] + gap[k - 1];
    }
    double[] blockValue = new double[n];
    double[] blockWeight = new double[n];
    int[] blockEnd = new int[n];
    int blocks = 0;
    for (int k = 0; k < n; k++) {
      blockValue[blocks] = target[k] - offset[k];
      blockWeight[blocks] = weight[k];
      blockEnd[blocks] = k;
      blocks++;
      while (blocks > 1 && blockValue[blocks - 2] > blockValue[blocks - 1]) {
        double w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
        blockValue[blocks - 2] =
            (blockValue[blocks - 2] * blockWeight[blocks - 2]
                    + blockValue[blocks - 1] * blockWeight[blocks - 1])
                / w;
        blockWeight[blocks - 2] = w;
        blockEnd[blocks - 2] = blockEnd[blocks - 1];
        blocks--;
      }
    }
    double[] y = new double[n];
    int k = 0;
    for (int b = 0; b < blocks; b++) {
      for (; k <= blockEnd[b]; k++) {
        y[k] = blockValue[b] + offset[k];
      }
    }
    return y;
  }
}
