package dev.tapegrad.layers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.net.TwoLayerNet;
import dev.tapegrad.layers.optim.Sgd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The training loop on a slice of the embedded MNIST sample: it learns, reports and repeats. */
class TrainerTest {
  private static final int EPOCHS = 20;
  private static Dataset train;
  private static Dataset test;

  @BeforeAll
  static void load() throws IOException {
    TrainTestSplit mnist = Mnist.embeddedSample(MnistOptions.defaults());
    train = mnist.train().subset(1000);
    test = mnist.test().subset(500);
  }

  private static TrainingHistory run(List<String> events) {
    TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(1));
    return new Trainer(net, new Sgd(0.1), new Trainer.Config(EPOCHS, 100, 0, 7))
        .listener(
            new TrainingListener() {
              @Override
              public void epochStarted(int epoch, int iterations) {
                events.add("start " + epoch + "/" + iterations);
              }

              @Override
              public void epochFinished(EpochResult result) {
                events.add("end " + result.epoch());
              }
            })
        .fit(train, test);
  }

  @Test
  void learnsAndReportsEveryEpoch() {
    List<String> events = new ArrayList<>();
    TrainingHistory history = run(events);
    assertEquals(List.of("end 0", "start 1/10", "end 1", "start 2/10"), events.subList(0, 4));
    assertEquals("end " + EPOCHS, events.get(events.size() - 1));
    assertEquals(EPOCHS * 10, history.losses().size());
    assertEquals(EPOCHS + 1, history.epochs().size());
    EpochResult before = history.epochs().get(0);
    EpochResult after = history.last();
    assertTrue(before.testAccuracy() < 0.3, "untrained: " + before);
    assertTrue(after.testAccuracy() > 0.75, "after 200 iterations on 1000 digits: " + after);
    assertTrue(after.meanLoss() < history.epochs().get(1).meanLoss());
    assertTrue(
        history
            .epochsCsv()
            .startsWith(
                "epoch,mean_loss,train_accuracy,test_accuracy,seconds,eval_seconds\n0,NaN,"));
    assertTrue(after.seconds() > 0 && after.evaluationSeconds() > 0, after.toString());
    assertEquals(0, before.seconds());
  }

  /**
   * The train accuracy comes from a fixed random sample (a multiple of 1/200 here, and the same
   * sample every epoch), the test accuracy from the first test samples.
   */
  @Test
  void evaluatesOnASampleOfTheTrainingSetAndTheFirstTestSamples() {
    TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(1));
    TrainingHistory history =
        new Trainer(net, new Sgd(0.1), new Trainer.Config(2, 100, 200, 100, 7)).fit(train, test);
    for (EpochResult e : history.epochs()) {
      assertEquals(Math.rint(e.trainAccuracy() * 200), e.trainAccuracy() * 200, 1e-9);
    }
    Dataset first = test.subset(100);
    assertEquals(
        net.accuracy(first.images(), first.labels(), 100), history.last().testAccuracy(), 0);
  }

  @Test
  void theDefaultConfigSamplesAThousandTrainingImagesAndTheWholeTestSet() {
    Trainer.Config config = new Trainer.Config(3, 100, 9);
    assertEquals(1000, config.trainEvaluationSamples());
    assertEquals(0, config.testEvaluationSamples());
    assertEquals(new Trainer.Config(3, 100, 50, 50, 9), new Trainer.Config(3, 100, 50, 9));
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    assertEquals(run(new ArrayList<>()).losses(), run(new ArrayList<>()).losses());
  }
}
