package dev.tapegrad.autograd.kernels;

/** Elementwise one-input kernels, each a single loop over a contiguous array. */
public final class Unary {
  private Unary() {}

  public static double[] exp(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.exp(x[i]);
    }
    return out;
  }

  public static double[] log(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.log(x[i]);
    }
    return out;
  }

  public static double[] sqrt(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.sqrt(x[i]);
    }
    return out;
  }

  public static double[] neg(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = -x[i];
    }
    return out;
  }

  /** {@code x^p}, with the common exponents done by multiplication. */
  public static double[] pow(double[] x, double p) {
    double[] out = new double[x.length];
    if (p == 2) {
      for (int i = 0; i < x.length; i++) {
        out[i] = x[i] * x[i];
      }
    } else if (p == 1) {
      System.arraycopy(x, 0, out, 0, x.length);
    } else if (p == 0.5) {
      return sqrt(x);
    } else {
      for (int i = 0; i < x.length; i++) {
        out[i] = Math.pow(x[i], p);
      }
    }
    return out;
  }

  /** {@code max(x, 0)}; NaN stays NaN. */
  public static double[] relu(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      out[i] = v > 0 || v != v ? v : 0.0;
    }
    return out;
  }

  /** 1 where {@code x > 0}, else 0: the mask the book's ReLU layer keeps. */
  public static double[] positiveMask(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] > 0 ? 1.0 : 0.0;
    }
    return out;
  }
}
