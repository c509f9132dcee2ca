package dev.tapegrad.bench;

/** A peer that runs in this JVM: it prepares a step and {@link LoopTimer} times it. */
public abstract class InProcessPeer implements Peer {
  /** Seed of the data and initial weights, so repeated runs do the same arithmetic. */
  protected static final long SEED = 20261123L;

  /** Builds the network, data and optimizer of {@code workload}, ready to run. */
  public abstract PreparedStep prepare(Workload workload);

  @Override
  public final Samples measure(Workload workload, MeasurementPlan plan) {
    try (PreparedStep step = prepare(workload)) {
      return LoopTimer.measure(step, plan);
    }
  }
}
