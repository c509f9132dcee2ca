package dev.tapegrad.autograd.kernels;

/**
 * Elementwise one-input kernels. Each constant owns a tight loop over a range of a contiguous
 * array; {@link #apply} runs it, split across cores for large arrays. {@link #EXP} and {@link
 * #SIGMOID} run as SIMD loops ({@link VectorLoops}) when the JVM has the Vector API module ({@code
 * --add-modules jdk.incubator.vector}) and {@code -Dtapegrad.simd=false} is not set.
 */
public enum UnaryOp {
  EXP(true) {
    @Override
    void runScalar(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.exp(x[i]);
      }
    }
  },
  /**
   * {@code 1 / (1 + exp(−x))}, computed from {@code e = exp(−|x|)} as {@code 1/(1+e)} for x ≥ 0 and
   * {@code e/(1+e)} below, so it never overflows; the choice is a select, not a branch.
   */
  SIGMOID(true) {
    @Override
    void runScalar(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        double v = x[i];
        double e = Math.exp(-Math.abs(v));
        double ofPositive = 1 / (1 + e);
        out[i] = v < 0 ? e * ofPositive : ofPositive;
      }
    }
  },
  LOG {
    @Override
    void runScalar(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.log(x[i]);
      }
    }
  },
  SQRT {
    @Override
    void runScalar(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.sqrt(x[i]);
      }
    }
  },
  NEG {
    @Override
    void runScalar(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = -x[i];
      }
    }
  },
  /** {@code max(x, 0)}; NaN stays NaN. Branch-free, so random signs cost nothing extra. */
  RELU {
    @Override
    void runScalar(double[] x, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.max(x[i], 0.0);
      }
    }
  };

  private final boolean hasSimdLoop;

  UnaryOp() {
    this(false);
  }

  UnaryOp(boolean hasSimdLoop) {
    this.hasSimdLoop = hasSimdLoop;
  }

  /** The plain loop over {@code [from, to)}. */
  abstract void runScalar(double[] x, double[] out, int from, int to);

  /** The fastest loop this JVM has over {@code [from, to)}: the SIMD one where there is one. */
  void run(double[] x, double[] out, int from, int to) {
    if (hasSimdLoop && Simd.ENABLED) {
      VectorLoops.run(this, x, out, from, to);
    } else {
      runScalar(x, out, from, to);
    }
  }

  /** The kernel applied to every element, into a new array. */
  public double[] apply(double[] x) {
    return Loops.map(x, this::run);
  }

  /** Whether {@link #EXP} and {@link #SIGMOID} (and one-row products) run as SIMD loops. */
  public static boolean simd() {
    return Simd.ENABLED;
  }

  /** {@code x^p}, with the common exponents done by multiplication. */
  public static double[] pow(double[] x, double p) {
    if (p == 0.5) {
      return SQRT.apply(x);
    }
    double[] out = Workspace.take(x.length);
    Parallel.forRange(
        x.length,
        1,
        (from, to) -> {
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
