package dev.tapegrad.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A goal of the performance issue: tapegrad's median time on a workload divided by a reference
 * median must be at most {@code maxRatio}. The reference is NumPy, DJL, or the faster of the two.
 */
public record Target(Workload workload, Reference reference, double maxRatio) {

  /** Whose median the tapegrad median is divided by. */
  public enum Reference {
    NUMPY("NumPy"),
    DJL("DJL"),
    FASTER_PEER("faster of NumPy and DJL");

    private final String label;

    Reference(String label) {
      this.label = label;
    }

    /** The reference median among the peers' medians (by peer name), if they were measured. */
    OptionalDouble median(Map<String, Double> mediansByPeer) {
      return switch (this) {
        case NUMPY -> of(mediansByPeer.get("numpy"));
        case DJL -> of(mediansByPeer.get("djl"));
        case FASTER_PEER ->
            mediansByPeer.entrySet().stream()
                .filter(e -> e.getKey().equals("numpy") || e.getKey().equals("djl"))
                .mapToDouble(Map.Entry::getValue)
                .min();
      };
    }

    private static OptionalDouble of(Double value) {
      return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
  }

  /** The targets with native OpenBLAS, or (pure Java) the one it sets without it. */
  public static List<Target> forBlas(boolean nativeBlas) {
    if (!nativeBlas) {
      return List.of(new Target(Workload.SIMPLE_CONV_ADAM, Reference.NUMPY, 1.0));
    }
    return List.of(
        new Target(Workload.TWO_LAYER_SGD, Reference.FASTER_PEER, 0.9),
        new Target(Workload.MLP_ADAM, Reference.NUMPY, 0.8),
        new Target(Workload.SIMPLE_CONV_ADAM, Reference.DJL, 0.67),
        new Target(Workload.SIMPLE_CONV_ADAM, Reference.NUMPY, 0.33),
        new Target(Workload.DEEP_CONV_ADAM, Reference.NUMPY, 0.4),
        new Target(Workload.INFER_BATCH_100, Reference.NUMPY, 0.9),
        new Target(Workload.INFER_BATCH_1, Reference.NUMPY, 0.3),
        // at least 0.95 of NumPy's GFLOPS is at most 1/0.95 of its time
        new Target(Workload.GEMM_1024, Reference.NUMPY, 1 / 0.95));
  }

  /** tapegrad's ratio to the reference, if both were measured. */
  public OptionalDouble ratio(Map<String, Double> mediansByPeer) {
    Double own = mediansByPeer.get("tapegrad");
    OptionalDouble other = reference.median(mediansByPeer);
    return own == null || other.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(own / other.getAsDouble());
  }

  /** For example {@code ≤ 0.33 × NumPy}. */
  public String describe() {
    return String.format(Locale.ROOT, "≤ %.2f × %s", maxRatio, reference.label);
  }
}
