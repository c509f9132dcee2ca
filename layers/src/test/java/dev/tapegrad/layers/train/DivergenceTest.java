package dev.tapegrad.layers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.net.TwoLayerNet;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.optim.Sgd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trainer stops at the first value that is not finite, and refuses empty data. */
class DivergenceTest {
  private static Dataset train;
  private static Dataset test;

  @BeforeAll
  static void load() throws IOException {
    TrainTestSplit mnist = Mnist.embeddedSample(MnistOptions.defaults());
    train = mnist.train().subset(300);
    test = mnist.test().subset(100);
  }

  private static TwoLayerNet net() {
    return new TwoLayerNet(784, 20, 10, new Random(1));
  }

  /** Records the iterations the trainer reported as finished. */
  private static final class Iterations implements TrainingListener {
    final List<String> seen = new ArrayList<>();

    @Override
    public void iterationFinished(int epoch, int iteration, double loss) {
      seen.add(epoch + "/" + iteration);
    }
  }

  @Test
  void stopsAtTheFirstLossThatIsNotFinite() {
    Iterations listener = new Iterations();
    Trainer trainer =
        new Trainer(net(), new Sgd(1e300), new Trainer.Config(3, 100, 0, 1)).listener(listener);
    NonFiniteLossException e =
        assertThrows(NonFiniteLossException.class, () -> trainer.fit(train, test));
    // the first step is taken from finite weights; the second sees the overflowed ones
    assertEquals(1, e.epoch());
    assertEquals(2, e.iteration());
    assertTrue(Double.isNaN(e.loss()) || Double.isInfinite(e.loss()), "loss " + e.loss());
    assertTrue(
        e.getMessage().matches("loss became (NaN|infinite) at epoch 1, iteration 2"),
        e.getMessage());
    assertEquals(List.of("1/1"), listener.seen, "no listener hears of the non-finite step");
  }

  @Test
  void allowDivergenceTrainsOnAndRecordsTheLosses() {
    TrainingHistory history =
        new Trainer(net(), new Sgd(1e300), new Trainer.Config(2, 100, 0, 1))
            .allowDivergence()
            .fit(train, test);
    assertEquals(6, history.losses().size());
    assertTrue(
        history.losses().stream().anyMatch(l -> !Double.isFinite(l)), history.losses()::toString);
  }

  @Test
  void stopsWhenAnUpdateMakesAParameterNonFiniteWhileTheLossIsFinite() {
    // one batch per epoch: the loss is computed before the update that poisons the weights
    Optimizer overflowing =
        new Optimizer("overflow", 0.1) {
          @Override
          protected void update(double[] param, double[] grad, double[][] state, int from, int to) {
            param[from] = Double.POSITIVE_INFINITY;
          }
        };
    Trainer trainer = new Trainer(net(), overflowing, new Trainer.Config(2, 300, 0, 1));
    NonFiniteParameterException e =
        assertThrows(NonFiniteParameterException.class, () -> trainer.fit(train, test));
    assertEquals(1, e.epoch());
    assertEquals("Affine1.W", e.parameter());
    assertEquals("parameter Affine1.W became infinite in epoch 1", e.getMessage());
  }

  @Test
  void refusesANetworkThatIsNotFiniteBeforeTraining() {
    TwoLayerNet net = net();
    net.parameters().get("Affine2.b").data()[3] = Double.NaN;
    Trainer trainer = new Trainer(net, new Sgd(0.1), new Trainer.Config(1, 100, 0, 1));
    NonFiniteParameterException e =
        assertThrows(NonFiniteParameterException.class, () -> trainer.fit(train, test));
    assertEquals(0, e.epoch());
    assertEquals("parameter Affine2.b holds NaN before training", e.getMessage());
  }

  @Test
  void refusesEmptyTrainingAndTestSets() {
    Trainer trainer = new Trainer(net(), new Sgd(0.1), new Trainer.Config(1, 100, 0, 1));
    IllegalArgumentException noTrain =
        assertThrows(IllegalArgumentException.class, () -> trainer.fit(train.subset(0), test));
    assertEquals(
        "trainer: the training set is empty; there is nothing to train on", noTrain.getMessage());
    IllegalArgumentException noTest =
        assertThrows(IllegalArgumentException.class, () -> trainer.fit(train, test.subset(0)));
    assertEquals(
        "trainer: the test set is empty; there is nothing to evaluate", noTest.getMessage());
  }
}
