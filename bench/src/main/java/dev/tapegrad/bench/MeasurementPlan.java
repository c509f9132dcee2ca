package dev.tapegrad.bench;

/**
 * How long one peer runs one workload: repetitions are run un-timed for {@code warmupSeconds} (at
 * least {@code minWarmup} of them, so the JIT and caches settle), then each repetition is timed on
 * its own until {@code measureSeconds} have passed and at least {@code minSamples} were taken, or
 * {@code maxSamples} were taken. The NumPy reference follows the same plan.
 */
public record MeasurementPlan(
    double warmupSeconds, int minWarmup, double measureSeconds, int minSamples, int maxSamples) {

  public MeasurementPlan {
    if (!(warmupSeconds >= 0)
        || !(measureSeconds >= 0)
        || minWarmup < 0
        || minSamples < 1
        || maxSamples < minSamples) {
      throw new IllegalArgumentException(
          "measurement plan needs warm-up and measure seconds >= 0, minSamples >= 1 and"
              + " maxSamples >= minSamples; got "
              + this);
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

  /** For example {@code 3 s warm-up (at least 2 runs), then about 5 s of samples (5 to 2000)}. */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%s s warm-up (at least %d runs), then about %s s of samples (%d to %d)",
        trim(warmupSeconds),
        minWarmup,
        trim(measureSeconds),
        minSamples,
        maxSamples);
  }

  private static String trim(double seconds) {
    return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
  }

  /** The plan as the arguments of the NumPy reference's {@code measure} command. */
  String asArguments() {
    return warmupSeconds
        + " "
        + minWarmup
        + " "
        + measureSeconds
        + " "
        + minSamples
        + " "
        + maxSamples;
  }
}
