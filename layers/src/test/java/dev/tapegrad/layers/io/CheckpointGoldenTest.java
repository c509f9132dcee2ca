package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.optim.Optimizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checkpoint format does not drift: for each optimizer, fixed weights and two steps with fixed
 * gradients save to exactly the bytes of {@code checkpoint_<kind>.npz}, and loading that file and
 * saving again gives the same bytes. The files were written by the code before the optimizer state
 * moved out of {@code Optimizer} (see the README beside them).
 */
class CheckpointGoldenTest {
  @TempDir Path dir;

  static List<String> kinds() {
    return Optimizers.names();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void twoFixedStepsSaveTheGoldenBytes(String kind) throws IOException {
    MultiLayerNet net = net();
    Optimizer optimizer = Optimizers.create(kind);
    SplittableRandom rng = new SplittableRandom(5);
    net.parameters().values().forEach(p -> copyInto(p, Tensor.randn(rng, p.shape())));
    for (int step = 0; step < 2; step++) {
      Map<String, Tensor> grads = new LinkedHashMap<>();
      net.parameters().forEach((name, p) -> grads.put(name, Tensor.randn(rng, p.shape())));
      optimizer.step(net.parameters(), grads);
    }
    Path file = dir.resolve("ckpt.npz");

    Checkpoint.save(file, net, optimizer);

    assertArrayEquals(Files.readAllBytes(golden(kind)), Files.readAllBytes(file));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aGoldenCheckpointLoadsAndSavesBackToTheSameBytes(String kind) throws IOException {
    MultiLayerNet net = net();
    Optimizer optimizer = Optimizers.create(kind);
    Checkpoint.load(golden(kind), net, optimizer);
    assertEquals(2, optimizer.stepCount());
    Path file = dir.resolve("ckpt.npz");

    Checkpoint.save(file, net, optimizer);

    assertArrayEquals(Files.readAllBytes(golden(kind)), Files.readAllBytes(file));
  }

  private static MultiLayerNet net() {
    return new MultiLayerNet(
        6, List.of(5), 3, MultiLayerNet.Options.defaults().withBatchNorm(true), new Random(1));
  }

  private static Path golden(String kind) {
    return Golden.file("checkpoint_" + kind + ".npz");
  }

  private static void copyInto(Tensor target, Tensor values) {
    System.arraycopy(values.data(), 0, target.data(), 0, values.data().length);
  }
}
