package dev.tapegrad.layers.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.layers.F;
import dev.tapegrad.layers.Module;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.io.Checkpoint;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.Dropout;
import dev.tapegrad.layers.optim.Adam;
import dev.tapegrad.layers.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Network#of}: a model of the user's own, not a Network subclass, used as one. */
class ComposedNetworkTest {

  /** A user's model: 784 → 40 → 10 with ReLU and dropout, written as a plain module. */
  static final class Mlp extends Module {
    private final Affine hidden;
    private final Dropout dropout;
    private final Affine output;

    Mlp(Random rng) {
      hidden =
          addChild(new Affine("Hidden", WeightInit.he().create(rng, 784, 40), Tensor.zeros(40)));
      dropout = addChild(new Dropout("Drop", 0.1, rng));
      output = addChild(new Affine("Out", WeightInit.he().create(rng, 40, 10), Tensor.zeros(10)));
    }

    @Override
    public Tensor forward(Tensor x) {
      return output.apply(dropout.apply(F.relu(hidden.apply(x))));
    }
  }

  @Test
  void aModelOfYourOwnTrainsWithTheTrainer() throws IOException {
    TrainTestSplit mnist = Mnist.embeddedSample(MnistOptions.defaults());
    Network net = Network.of(new Mlp(new Random(1)));
    assertEquals("Mlp", net.name());
    assertEquals(
        List.of("Hidden.W", "Hidden.b", "Out.W", "Out.b"), List.copyOf(net.parameters().keySet()));
    var history =
        new Trainer(net, new Adam(0.003), new Trainer.Config(2, 50, 1))
            .fit(mnist.train().subset(2000), mnist.test().subset(500));
    assertTrue(history.epochs().get(0).testAccuracy() < 0.3, history.epochs().get(0).toString());
    assertTrue(history.last().testAccuracy() > 0.8, history.last().toString());
  }

  @Test
  void itsTapeReadsAsTheModelsLayersUnderTheModelsName() {
    Network net = Network.of(new Mlp(new Random(2)));
    Tensor x = Tensor.rand(new Random(3), 2, 784).requiresGrad();
    try (Tape tape = Tape.record()) {
      net.loss(x, new int[] {1, 2});
      assertEquals(
          List.of("Mlp/Hidden", "Mlp", "Mlp/Drop", "Mlp/Out", "Mlp/SoftmaxWithLoss"),
          tape.nodes().stream().map(Node::scope).distinct().toList());
    }
  }

  @Test
  void evaluationModeReachesTheModel() {
    Mlp model = new Mlp(new Random(4));
    Network net = Network.of(model);
    net.eval();
    assertFalse(model.isTraining());
    Tensor x = Tensor.rand(new Random(5), 3, 784);
    // dropout is off in evaluation mode: two predictions agree
    assertArrayEquals(net.predict(x).data(), net.predict(x).data());
    net.train();
    assertTrue(model.isTraining());
  }

  @Test
  void itsGradientsCheckAndItsCheckpointRestoresIt(@TempDir Path dir) throws IOException {
    Network net = Network.of(new Mlp(new Random(6)));
    net.eval(); // no dropout, so the loss is a function of the parameters
    Dataset batch = Mnist.embeddedSample(MnistOptions.defaults()).test().subset(4);
    GradCheck.assertParameterGradients(
        net.parameters(), () -> net.loss(batch.images(), batch.labels()), 10, 1);

    Checkpoint.save(dir.resolve("mlp.npz"), net, null);
    Network restored = Network.of(new Mlp(new Random(7)));
    Checkpoint.load(dir.resolve("mlp.npz"), restored, null);
    restored.eval();
    assertArrayEquals(net.predict(batch.images()).data(), restored.predict(batch.images()).data());
  }
}
