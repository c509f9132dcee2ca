package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernels.Blas;
import dev.tapegrad.autograd.kernels.Simd;

/**
 * What does the arithmetic in this JVM, for diagnostics such as a command-line tool's verbose mode.
 * Matrix products go through BLAS: by default a system OpenBLAS when one is installed, else the
 * OpenBLAS bundled for Linux x86-64, else netlib's pure-Java BLAS ({@code -Dtapegrad.blas=auto},
 * {@code bundled} or {@code java}); OpenBLAS runs on one thread because tapegrad splits the work
 * across cores itself. Elementwise kernels and one-row products use the Vector API when the JVM has
 * {@code jdk.incubator.vector} ({@code -Dtapegrad.simd=false} turns that off).
 */
public final class Backend {
  private Backend() {}

  /**
   * The BLAS library in use, in words (for example {@code bundled OpenBLAS at <file>, 1
   * thread(s)}); loads it if it is not loaded yet.
   *
   * @throws IllegalArgumentException if {@code -Dtapegrad.blas} is not a valid choice
   */
  public static String blas() {
    return Blas.description();
  }

  /** Whether the SIMD loops run, in words (for example {@code Vector API on}). */
  public static String simd() {
    return Simd.description();
  }

  /**
   * Checks the {@code tapegrad.*} system properties that choose the backend and split the work, so
   * that a bad value is reported before any work starts.
   *
   * @throws IllegalArgumentException naming the property, if {@code -Dtapegrad.blas}, {@code
   *     -Dtapegrad.simd} or {@code -Dtapegrad.threads} has an invalid value
   */
  public static void checkSettings() {
    Blas.requireValidSetting();
    Simd.requireValidSetting();
    Cores.count();
  }
}
