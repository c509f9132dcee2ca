package dev.tapegrad.bench;

/**
 * Times an in-process step with a plain loop: un-timed warm-up, then {@link System#nanoTime()}
 * around each repetition (the JVM and native peers; NumPy does the same in Python).
 */
public final class LoopTimer {
  private LoopTimer() {}

  /** Runs {@code step} as {@code plan} says and returns the times of the measured repetitions. */
  public static Samples measure(Runnable step, MeasurementPlan plan) {
    long warmupEnd = System.nanoTime() + (long) (plan.warmupSeconds() * 1e9);
    int warmed = 0;
    while (warmed < plan.minWarmup() || System.nanoTime() < warmupEnd) {
      step.run();
      warmed++;
    }
    double[] times = new double[Math.min(plan.maxSamples(), 64)];
    long measureEnd = System.nanoTime() + (long) (plan.measureSeconds() * 1e9);
    int taken = 0;
    while (taken < plan.maxSamples()
        && (taken < plan.minSamples() || System.nanoTime() < measureEnd)) {
      long start = System.nanoTime();
      step.run();
      long elapsed = System.nanoTime() - start;
      if (taken == times.length) {
        times = java.util.Arrays.copyOf(times, 2 * taken);
      }
      times[taken++] = elapsed / 1e6;
    }
    return new Samples(java.util.Arrays.copyOf(times, taken));
  }
}
