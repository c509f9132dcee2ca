package dev.tapegrad.examples.inference;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.CheckpointWarning;
import dev.tapegrad.examples.cli.NetworkKind;
import dev.tapegrad.layers.io.Checkpoint;
import dev.tapegrad.layers.io.CheckpointFormatException;
import dev.tapegrad.layers.io.Npz;
import dev.tapegrad.layers.io.ParameterCheck;
import dev.tapegrad.layers.net.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Rebuilds a network from a checkpoint that {@code train} wrote: the architecture is the one named,
 * or else the first of the CLI's networks whose parameters and buffers have exactly the
 * checkpoint's names and shapes (batch normalisation shows itself by its {@code BatchNorm*}
 * entries). A dropout ratio leaves no trace in a checkpoint, so it has to be given.
 */
public final class CheckpointNetwork {
  private CheckpointNetwork() {}

  /**
   * The network saved in {@code file}, in evaluation mode.
   *
   * @param architecture a {@link NetworkKind} label, or null to recognise it
   * @param dropout the dropout ratio of a multi-layer-extend network (0: none)
   */
  public static LoadedNetwork load(Path file, String architecture, double dropout)
      throws IOException {
    Map<String, Tensor> model = new LinkedHashMap<>();
    Npz.read(file)
        .forEach(
            (name, t) -> {
              if (!name.contains("/")) { // optimizer state is stored under slash names
                model.put(name, t);
              }
            });
    boolean batchNorm = model.keySet().stream().anyMatch(name -> name.startsWith("BatchNorm"));
    NetworkKind kind =
        architecture != null ? NetworkKind.parse(architecture) : recognise(file, model, batchNorm);
    if (dropout > 0 && kind == NetworkKind.MULTI_LAYER) {
      kind =
          NetworkKind.MULTI_LAYER_EXTEND; // the same parameters; only the extended net has dropout
    }
    if (dropout > 0 && kind != NetworkKind.MULTI_LAYER_EXTEND) {
      throw new IllegalArgumentException("--dropout applies to multi-layer-extend, not " + kind);
    }
    Network net = kind.create(0, batchNorm, dropout, new Random(0));
    CheckpointWarning.print(file, Checkpoint.load(file, net, null), System.err);
    net.eval();
    return new LoadedNetwork(
        net, label(file), kind.takesImages(), "checkpoint " + file + " (" + kind + ")");
  }

  private static NetworkKind recognise(Path file, Map<String, Tensor> model, boolean batchNorm)
      throws CheckpointFormatException {
    for (NetworkKind kind : NetworkKind.values()) {
      Network candidate = kind.create(0, batchNorm, 0, new Random(0));
      Map<String, int[]> expected = new LinkedHashMap<>();
      candidate.parameters().forEach((name, t) -> expected.put(name, t.shape()));
      candidate.buffers().forEach((name, t) -> expected.put(name, t.shape()));
      if (ParameterCheck.compare(model, expected).matches()) {
        return kind;
      }
    }
    throw new CheckpointFormatException(
        "checkpoint " + file,
        "its parameters "
            + model.entrySet().stream()
                .map(e -> e.getKey() + " " + Shape.format(e.getValue().shape()))
                .collect(Collectors.joining(", "))
            + " are not those of any of two-layer, multi-layer, multi-layer-extend, simple-conv,"
            + " deep-conv; name the architecture with --arch");
  }

  /** The file name without {@code .npz}: {@code train/two-layer.npz} is {@code two-layer}. */
  private static String label(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
  }
}
