package dev.tapegrad.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.optim.Sgd;
import dev.tapegrad.layers.train.Trainer;
import dev.tapegrad.layers.train.TrainingHistory;
import dev.tapegrad.viz.chart.LineChart;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CurvesTest {
  private static Dataset randomData(SplittableRandom rng, int n) {
    return Dataset.of(Tensor.randn(rng, n, 6), rng.ints(n, 0, 3).toArray(), 3);
  }

  /** Trains on random data, on through divergence (as batchnorm's runs do). */
  private static TrainingHistory train(MultiLayerNet net, int epochs) {
    SplittableRandom rng = new SplittableRandom(3);
    return new Trainer(net, new Sgd(0.1), new Trainer.Config(epochs, 5, 0, 1))
        .allowDivergence()
        .fit(randomData(rng, 20), randomData(rng, 10));
  }

  @Test
  void accuraciesComeOutPerEvaluationFromEpochZero() {
    TrainingHistory h = train(new MultiLayerNet(6, List.of(4), 3, new SplittableRandom(1)), 3);
    double[] train = Curves.trainAccuracy(h);
    double[] test = Curves.testAccuracy(h);
    assertEquals(4, train.length);
    for (int e = 0; e < 4; e++) {
      assertEquals(h.epochs().get(e).trainAccuracy(), train[e]);
      assertEquals(h.epochs().get(e).testAccuracy(), test[e]);
    }
    assertEquals(0, Curves.firstNonFiniteEpoch(h));
  }

  @Test
  void aDivergedRunIsReportedAndItsAccuracyCanStillBeDrawn() {
    MultiLayerNet net = new MultiLayerNet(6, List.of(4), 3, new SplittableRandom(1));
    net.parameters().get("Affine1.W").data()[0] = Double.NaN;
    TrainingHistory h = train(net, 2);
    assertEquals(1, Curves.firstNonFiniteEpoch(h));
    double[] accuracy = Curves.trainAccuracy(h);
    assertTrue(Curves.anyFinite(accuracy));
    LineChart.builder().series("train", accuracy).yRange(0, 1).build().toImage();
  }

  @Test
  void infinitiesBecomeGaps() {
    double[] drawable =
        Curves.drawable(
            new double[] {1, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY});
    assertArrayEquals(new double[] {1, Double.NaN, Double.NaN, Double.NaN}, drawable);
    assertFalse(Curves.anyFinite(new double[] {Double.NaN, Double.POSITIVE_INFINITY}));
  }
}
