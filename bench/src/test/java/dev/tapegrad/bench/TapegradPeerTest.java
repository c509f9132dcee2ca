package dev.tapegrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TapegradPeerTest {
  private final TapegradPeer peer = new TapegradPeer();

  /** Repeated steps on one fixed batch must fit it: the step really trains every layer. */
  @ParameterizedTest
  @CsvSource({"two-layer-sgd, 40", "mlp-adam, 20", "simple-conv-adam, 8"})
  void trainingStepsLowerTheLossOnTheirBatch(String id, int steps) {
    try (PreparedStep prepared = peer.prepare(Workload.byId(id))) {
      TapegradTrainingStep step = (TapegradTrainingStep) prepared;
      step.run();
      double first = step.lastLoss();
      for (int i = 1; i < steps; i++) {
        step.run();
      }
      // ten random classes start at about ln 10
      assertEquals(Math.log(10), first, 0.6, id);
      assertTrue(
          step.lastLoss() < first - 0.05,
          String.format(Locale.ROOT, "%s: loss %.4f -> %.4f", id, first, step.lastLoss()));
    }
  }

  @Test
  void deepConvNetStepRunsWithAFiniteLoss() {
    try (PreparedStep prepared = peer.prepare(Workload.DEEP_CONV_ADAM)) {
      TapegradTrainingStep step = (TapegradTrainingStep) prepared;
      step.run();
      assertTrue(
          Double.isFinite(step.lastLoss()) && step.lastLoss() > 0, "loss " + step.lastLoss());
    }
  }

  /** Same seed, same weights and images: one image at a time must predict what batches do. */
  @Test
  void inferenceCountsTheSameHitsAtBatch1AndBatch100() {
    TapegradInference batched = (TapegradInference) peer.prepare(Workload.INFER_BATCH_100);
    TapegradInference single = (TapegradInference) peer.prepare(Workload.INFER_BATCH_1);
    batched.run();
    single.run();
    assertEquals(batched.lastCorrect(), single.lastCorrect());
    // an untrained network on random labels is right about one time in ten
    assertEquals(1000, batched.lastCorrect(), 300);
  }
}
