package com.example.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.optim.Adam;
import dev.tapegrad.layers.train.ProgressPrinter;
import dev.tapegrad.layers.train.Trainer;
import dev.tapegrad.layers.train.TrainingHistory;
import dev.tapegrad.viz.diagram.Diagram;
import dev.tapegrad.viz.diagram.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promises, kept by a project that only depends on tapegrad. */
class ResidualMlpTest {

  @Test
  void gradientsOfEveryParameterCheck() throws IOException {
    Network net = Network.of(new ResidualMlp(new Random(1)));
    Dataset few = Mnist.embeddedSample(MnistOptions.defaults()).test().subset(8);
    GradCheck.assertParameterGradients(
        net.parameters(), () -> net.loss(few.images(), few.labels()), 10, 1);
  }

  @Test
  void itLearnsTheDigits() throws IOException {
    TrainTestSplit mnist = Mnist.embeddedSample(MnistOptions.defaults());
    Network net = Network.of(new ResidualMlp(new Random(2)));
    TrainingHistory history =
        new Trainer(net, new Adam(0.001), new Trainer.Config(2, 100, 2))
            .listener(new ProgressPrinter(System.out))
            .fit(mnist.train(), mnist.test());
    assertTrue(history.last().testAccuracy() > 0.88, history.last().summary());
  }

  @Test
  void itsDiagramShowsItsLayers(@TempDir Path dir) throws IOException {
    Network net = Network.of(new ResidualMlp(new Random(3)));
    Dataset two = Mnist.embeddedSample(MnistOptions.defaults()).test().subset(2);
    try (Tape tape = Tape.record()) {
      tape.backward(net.loss(two.images(), two.labels()));
      Diagram.of(tape).level(Level.LAYER).writeSvg(dir.resolve("residual-mlp.svg"));
      Diagram.of(tape).level(Level.LAYER).writePng(dir.resolve("residual-mlp.png"));
    }
    String svg = Files.readString(dir.resolve("residual-mlp.svg"));
    for (String layer : new String[] {"Input", "Inner", "Output", "SoftmaxWithLoss"}) {
      assertTrue(svg.contains(layer), layer + " in the diagram");
    }
    assertTrue(Files.size(dir.resolve("residual-mlp.png")) > 1_000);
    assertEquals("ResidualMlp", net.name());
  }
}
