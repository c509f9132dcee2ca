package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.optim.Adam;
import dev.tapegrad.layers.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and resuming training: parameters, batch-norm buffers and optimizer state. */
class CheckpointTest {
  @TempDir Path dir;

  private static MultiLayerNet net(long seed) {
    return new MultiLayerNet(6, List.of(5), 3,
        MultiLayerNet.Options.defaults().withBatchNorm(true), new Random(seed));
  }

  @Test
  void resumingFromACheckpointContinuesExactlyAsWithoutTheBreak() throws IOException {
    Random data = new Random(3);
    Tensor x = Tensor.rand(data, 8, 6);
    int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
    Trainer.Config config = new Trainer.Config(0, 8, 0, 1);

    MultiLayerNet straight = net(1);
    Adam straightOpt = new Adam();
    Trainer t1 = new Trainer(straight, straightOpt, config);
    for (int i = 0; i < 6; i++) {
      t1.step(x, labels);
    }

    MultiLayerNet first = net(1);
    Adam firstOpt = new Adam();
    Trainer t2 = new Trainer(first, firstOpt, config);
    for (int i = 0; i < 3; i++) {
      t2.step(x, labels);
    }
    Path file = dir.resolve("ckpt.npz");
    Checkpoint.save(file, first, firstOpt);
    MultiLayerNet resumed = net(99); // different initial weights, all overwritten by the load
    Adam resumedOpt = new Adam();
    Checkpoint.load(file, resumed, resumedOpt);
    Trainer t3 = new Trainer(resumed, resumedOpt, config);
    for (int i = 0; i < 3; i++) {
      t3.step(x, labels);
    }
    for (Map.Entry<String, Tensor> p : straight.parameters().entrySet()) {
      assertArrayEquals(p.getValue().data(), resumed.parameters().get(p.getKey()).data(), 0, p.getKey());
    }
    assertArrayEquals(
        straight.buffers().get("BatchNorm1.runningMean").data(),
        resumed.buffers().get("BatchNorm1.runningMean").data(), 0);
    assertEquals(6, resumedOpt.stepCount());
  }

  @Test
  void theFileIsAPlainNpzWithReadableNames() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    MultiLayerNet net = net(1);
    Adam opt = new Adam();
    new Trainer(net, opt, new Trainer.Config(0, 2, 0, 1)).step(Tensor.rand(new Random(1), 2, 6), new int[] {0, 1});
    Checkpoint.save(file, net, opt);
    Map<String, Tensor> entries = Npz.read(file);
    assertTrue(entries.containsKey("Affine1.W"));
    assertTrue(entries.containsKey("BatchNorm1.runningVar"));
    assertTrue(entries.containsKey("adam/m/Affine1.W"));
    assertTrue(entries.containsKey("adam/t"));
  }

  @Test
  void aCheckpointOfAnotherShapeIsRejectedAndChangesNothing() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    Checkpoint.save(file, net(1), null);
    MultiLayerNet other = new MultiLayerNet(6, List.of(4), 3,
        MultiLayerNet.Options.defaults().withBatchNorm(true), new Random(2));
    double[] before = other.parameters().get("Affine1.W").data().clone();
    CheckpointFormatException e =
        assertThrows(CheckpointFormatException.class, () -> Checkpoint.load(file, other, null));
    assertTrue(e.getMessage().contains("Affine1.W has shape (6,5), expected (6,4)"), e.getMessage());
    assertArrayEquals(before, other.parameters().get("Affine1.W").data());
  }

  @Test
  void aCorruptedFileIsRejectedWithTheReason() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    Checkpoint.save(file, net(1), null);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    CheckpointFormatException e =
        assertThrows(CheckpointFormatException.class, () -> Checkpoint.load(file, net(1), null));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
