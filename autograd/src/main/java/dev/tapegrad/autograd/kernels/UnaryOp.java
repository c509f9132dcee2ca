package dev.tapegrad.autograd.kernels;

/**
 * Elementwise one-input kernels. Each constant owns a tight loop over a range of a contiguous
 * array; {@link #apply} runs it, split across cores for large arrays.
 */
public enum UnaryOp {
  EXP {
    @Override
    void run(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.exp(x[i]);
      }
    }
  },
  LOG {
    @Override
    void run(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.log(x[i]);
      }
    }
  },
  SQRT {
    @Override
    void run(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.sqrt(x[i]);
      }
    }
  },
  NEG {
    @Override
    void run(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = -x[i];
      }
    }
  },
  /** {@code max(x, 0)}; NaN stays NaN. Branch-free, so random signs cost nothing extra. */
  RELU {
    @Override
    void run(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.max(x[i], 0.0);
      }
    }
  };

  abstract void run(double[] x, double[] out, int from, int to);

  /** The kernel applied to every element, into a new array. */
  public double[] apply(double[] x) {
    double[] out = Workspace.take(x.length);
    Parallel.forRange(x.length, 1, (from, to) -> run(x, out, from, to));
    return out;
  }

  /** {@code x^p}, with the common exponents done by multiplication. */
  public static double[] pow(double[] x, double p) {
    if (p == 0.5) {
      return SQRT.apply(x);
    }
    double[] out = Workspace.take(x.length);
    Parallel.forRange(x.length, 1, (from, to) -> {
      if (p == 2) {
        for (int i = from; i < to; i++) {
          out[i] = x[i] * x[i];
        }
      } else if (p == 1) {
        System.arraycopy(x, from, out, from, to - from);
      } else {
        for (int i = from; i < to; i++) {
          out[i] = Math.pow(x[i], p);
        }
      }
    });
    return out;
  }
}
