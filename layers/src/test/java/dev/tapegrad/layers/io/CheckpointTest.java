package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.optim.Adam;
import dev.tapegrad.layers.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving and resuming training: parameters, batch-norm buffers and optimizer state. */
class CheckpointTest {
  @TempDir Path dir;

  private static MultiLayerNet net(long seed) {
    return new MultiLayerNet(
        6, List.of(5), 3, MultiLayerNet.Options.defaults().withBatchNorm(true), new Random(seed));
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
      assertArrayEquals(
          p.getValue().data(), resumed.parameters().get(p.getKey()).data(), 0, p.getKey());
    }
    assertArrayEquals(
        straight.buffers().get("BatchNorm1.runningMean").data(),
        resumed.buffers().get("BatchNorm1.runningMean").data(),
        0);
    assertEquals(6, resumedOpt.stepCount());
  }

  @Test
  void theFileIsAPlainNpzWithReadableNames() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    MultiLayerNet net = net(1);
    Adam opt = new Adam();
    new Trainer(net, opt, new Trainer.Config(0, 2, 0, 1))
        .step(Tensor.rand(new Random(1), 2, 6), new int[] {0, 1});
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
    MultiLayerNet other =
        new MultiLayerNet(
            6, List.of(4), 3, MultiLayerNet.Options.defaults().withBatchNorm(true), new Random(2));
    double[] before = other.parameters().get("Affine1.W").data().clone();
    CheckpointFormatException e =
        assertThrows(CheckpointFormatException.class, () -> Checkpoint.load(file, other, null));
    assertTrue(
        e.getMessage().contains("Affine1.W has shape (6,5), expected (6,4)"), e.getMessage());
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

  @Test
  void savingRefusesNaNOrInfinityAndLeavesTheOldFileIntact() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    MultiLayerNet net = net(1);
    Adam opt = trainedAdam(net);
    Checkpoint.save(file, net, opt);
    byte[] before = Files.readAllBytes(file);

    net.parameters().get("Affine2.b").data()[1] = Double.NaN;
    Map<String, Tensor> state = new LinkedHashMap<>(OptimizerStateCodec.encode(opt));
    state.get("adam/v/Affine1.W").data()[0] = Double.POSITIVE_INFINITY;
    OptimizerStateCodec.decodeInto(state, opt);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(file, net, opt));

    assertEquals(
        "checkpoint "
            + file
            + ": not saved, NaN or infinity in Affine2.b, adam/v/Affine1.W;"
            + " the file is left as it was",
        e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("ckpt.npz"), fileNames());
  }

  @Test
  void loadingReportsEntriesHoldingNaNOrInfinity() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    MultiLayerNet net = net(1);
    Adam opt = trainedAdam(net);
    Checkpoint.save(file, net, opt);
    assertTrue(Checkpoint.load(file, net(2), new Adam()).allFinite());

    Map<String, Tensor> entries = new LinkedHashMap<>(Npz.read(file));
    entries.get("BatchNorm1.runningVar").data()[0] = Double.NEGATIVE_INFINITY;
    entries.get("adam/m/Affine1.b").data()[2] = Double.NaN;
    Npz.write(file, entries);
    MultiLayerNet resumed = net(2);
    Checkpoint.LoadReport report = Checkpoint.load(file, resumed, new Adam());

    assertEquals(List.of("BatchNorm1.runningVar", "adam/m/Affine1.b"), report.nonFiniteEntries());
    assertFalse(report.allFinite());
    assertEquals(
        Double.NEGATIVE_INFINITY, resumed.buffers().get("BatchNorm1.runningVar").data()[0]);
    assertEquals(
        List.of("BatchNorm1.runningVar"),
        Checkpoint.load(file, net(2), null).nonFiniteEntries(),
        "optimizer entries that are not loaded are not reported");
  }

  static Stream<Arguments> junkOptimizerState() {
    return Stream.of(
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("adam/w/Affine1.W", Tensor.zeros(6, 5)),
            "adam: unknown state entry 'adam/w/Affine1.W'"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("momentum/v/Affine1.W", Tensor.zeros(6, 5)),
            "adam: unknown state entry 'momentum/v/Affine1.W'"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("sgd/t", Tensor.scalar(3)),
            "adam: unknown state entry 'sgd/t'"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.remove("adam/t"),
            "adam: state has no step count 'adam/t'"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("adam/t", Tensor.vector(3)),
            "must be a scalar holding a non-negative whole number, got shape (1,)"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("adam/t", Tensor.zeros(2, 2)),
            "got shape (2,2)"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("adam/t", Tensor.scalar(-1)), "got -1.0"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("adam/t", Tensor.scalar(2.5)), "got 2.5"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("adam/t", Tensor.scalar(Double.NaN)),
            "got NaN"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>)
                e -> {
                  e.put("adam/m/Affine9.W", Tensor.zeros(2));
                  e.put("adam/v/Affine9.W", Tensor.zeros(2));
                },
            "adam: state is for unknown parameter 'Affine9.W'"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.put("adam/m/Affine1.W", Tensor.zeros(5, 6)),
            "'adam/v/Affine1.W' has shape (6,5) but 'adam/m/Affine1.W' has shape (5,6)"),
        Arguments.of(
            (Consumer<Map<String, Tensor>>) e -> e.remove("adam/v/Affine1.b"),
            "adam: state has no 'adam/v/Affine1.b'"));
  }

  @ParameterizedTest
  @MethodSource("junkOptimizerState")
  void junkOptimizerStateIsRejectedAndChangesNothing(
      Consumer<Map<String, Tensor>> spoil, String reason) throws IOException {
    Path file = dir.resolve("ckpt.npz");
    MultiLayerNet net = net(1);
    Checkpoint.save(file, net, trainedAdam(net));
    Map<String, Tensor> entries = new LinkedHashMap<>(Npz.read(file));
    spoil.accept(entries);
    Npz.write(file, entries);
    MultiLayerNet target = net(2);
    double[] before = target.parameters().get("Affine1.W").data().clone();
    Adam opt = new Adam();

    CheckpointFormatException e =
        assertThrows(CheckpointFormatException.class, () -> Checkpoint.load(file, target, opt));

    assertTrue(e.getMessage().startsWith("checkpoint " + file + ": adam: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertArrayEquals(before, target.parameters().get("Affine1.W").data());
    assertEquals(0, opt.stepCount());
    assertEquals(Set.of("adam/t"), OptimizerStateCodec.encode(opt).keySet());
  }

  /** An Adam that has taken one step on every parameter of {@code net}. */
  private static Adam trainedAdam(MultiLayerNet net) {
    Adam adam = new Adam();
    Map<String, Tensor> grads = new LinkedHashMap<>();
    net.parameters().forEach((name, p) -> grads.put(name, Tensor.ones(p.shape())));
    adam.step(net.parameters(), grads);
    return adam;
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
