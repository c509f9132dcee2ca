package dev.tapegrad.layers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Workspace;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.net.SimpleConvNet;
import dev.tapegrad.layers.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Trainer#step} records on a recycling tape: its losses, parameters, gradients and batch
 * norm running statistics must equal those of the same steps on plain tapes.
 */
class RecyclingStepTest {
  private static final int STEPS = 3;

  /** Everything a run leaves behind, copied after every step. */
  private record Run(List<Double> losses, List<double[]> state) {
    static Run train(Network net, Tensor images, int[] labels, boolean throughTrainer) {
      Adam adam = new Adam(0.01);
      Trainer trainer = new Trainer(net, adam, new Trainer.Config(1, labels.length, 0, 0));
      Run run = new Run(new ArrayList<>(), new ArrayList<>());
      for (int step = 0; step < STEPS; step++) {
        run.losses.add(
            throughTrainer ? trainer.step(images, labels) : plainStep(net, adam, images, labels));
        for (Tensor p : net.parameters().values()) {
          run.state.add(p.data().clone());
          run.state.add(p.grad().data().clone());
        }
        for (Tensor buffer : net.buffers().values()) {
          run.state.add(buffer.data().clone());
        }
      }
      return run;
    }

    /** The step as it was written before tapes could recycle. */
    private static double plainStep(Network net, Adam adam, Tensor images, int[] labels) {
      net.zeroGrad();
      double loss;
      try (Tape tape = Tape.record()) {
        Tensor l = net.loss(images, labels);
        tape.backward(l);
        loss = l.item();
      }
      adam.step(net.parameters());
      return loss;
    }
  }

  private static void assertSameSteps(Supplier<Network> build, Tensor images, int[] labels) {
    Run plain = Run.train(build.get(), images, labels, false);
    Run recycled = Run.train(build.get(), images, labels, true);
    assertTrue(Workspace.keptBytes() > 0, "the recycling steps filled the pool");
    assertEquals(plain.losses, recycled.losses);
    assertEquals(plain.state.size(), recycled.state.size());
    for (int i = 0; i < plain.state.size(); i++) {
      assertArrayEquals(plain.state.get(i), recycled.state.get(i), "state " + i);
    }
  }

  @Test
  void simpleConvNetStepsMatchPlainTapes() {
    Random rng = new Random(21);
    Tensor images = Tensor.rand(rng, 8, 1, 28, 28);
    int[] labels = rng.ints(8, 0, 10).toArray();
    assertSameSteps(() -> new SimpleConvNet(new Random(22)), images, labels);
  }

  @Test
  void batchNormRunningStatisticsMatchPlainTapes() {
    Random rng = new Random(23);
    Tensor images = Tensor.rand(rng, 200, 784);
    int[] labels = rng.ints(200, 0, 10).toArray();
    Supplier<Network> build =
        () ->
            new MultiLayerNet(
                784,
                List.of(200, 200),
                10,
                MultiLayerNet.Options.defaults().withBatchNorm(true),
                new Random(24));
    assertSameSteps(build, images, labels);
    Network net = build.get();
    Map<String, Tensor> buffers = net.buffers();
    new Trainer(net, new Adam(0.01), new Trainer.Config(1, 200, 0, 0)).step(images, labels);
    assertTrue(
        buffers.values().stream().allMatch(b -> b.isFinite() && b.data()[0] != 0),
        "the running statistics moved and are readable after the tape closed");
  }
}
