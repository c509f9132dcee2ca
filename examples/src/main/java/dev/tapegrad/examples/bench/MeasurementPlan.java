package dev.tapegrad.examples.bench;

/**
 * How long one peer runs one workload: repetitions are run un-timed for {@code warmupSeconds}
 * (at least {@code minWarmup} of them, so the JIT and caches settle), then each repetition is
 * timed on its own until {@code measureSeconds} have passed and at least {@code minSamples} were
 * taken, or {@code maxSamples} were taken. The NumPy reference follows the same plan.
 */
public record MeasurementPlan(
    double warmupSeconds, int minWarmup, double measureSeconds, int minSamples, int maxSamples) {

  public MeasurementPlan {
    if (!(warmupSeconds >= 0) || !(measureSeconds >= 0) || minWarmup < 0 || minSamples < 1
        || maxSamples < minSamples) {
      throw new IllegalArgumentException(
          "measurement plan needs warm-up and measure seconds >= 0, minSamples >= 1 and"
              + " maxSamples >= minSamples; got " + this);
    }
  }

  /** The default: 3 s warm-up, then about 5 s of samples (5 to 2,000). */
  public static MeasurementPlan full() {
    return new MeasurementPlan(3, 2, 5, 5, 2_000);
  }

  /** A rough pass for checking that everything runs: 1 s warm-up, about 1.5 s of samples. */
  public static MeasurementPlan quick() {
    return new MeasurementPlan(1, 1, 1.5, 3, 500);
  }

  /** The plan as the arguments of the NumPy reference's {@code measure} command. */
  String asArguments() {
    return warmupSeconds + " " + minWarmup + " " + measureSeconds + " " + minSamples + " " + maxSamples;
  }
}
