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
            .startsWith("epoch,mean_loss,train_accuracy,test_accuracy,seconds\n0,NaN,"));
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    assertEquals(run(new ArrayList<>()).losses(), run(new ArrayList<>()).losses());
  }
}
