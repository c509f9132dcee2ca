package dev.tapegrad.bench;

/**
 * One library that runs the {@link Workload}s: tapegrad itself, the NumPy reference (a Python
 * process) or, with the {@code djl} Maven profile, DJL with PyTorch. Extra peers are found with
 * {@link java.util.ServiceLoader} (that is how the opt-in DJL peer plugs in).
 */
public interface Peer extends AutoCloseable {
  /** Short name for the table ({@code tapegrad}, {@code numpy}, {@code djl}). */
  String name();

  /** What does the arithmetic: library versions and the BLAS or engine in use. */
  String backend();

  /** Runs {@code workload} as {@code plan} says and returns the measured times. */
  Samples measure(Workload workload, MeasurementPlan plan) throws java.io.IOException;

  /** Releases processes or native resources; the default has none. */
  @Override
  default void close() throws java.io.IOException {}
}
