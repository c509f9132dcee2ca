package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;
import dev.tapegrad.layers.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's parameters and buffers, and optionally its optimizer's state, as one NumPy {@code
 * .npz} file: model entries under their dotted names ({@code Affine1.W}, {@code
 * BatchNorm1.runningMean}), optimizer entries under slash names ({@code adam/m/Affine1.W}). Saving
 * is atomic, so an interrupted save leaves the previous checkpoint intact; loading checks every
 * name and shape before it changes anything.
 */
public final class Checkpoint {
  private Checkpoint() {}

  /** Saves the model's state and, unless {@code optimizer} is null, the optimizer's. */
  public static void save(Path file, Module model, Optimizer optimizer) throws IOException {
    Map<String, Tensor> entries = new LinkedHashMap<>(modelState(model));
    if (optimizer != null) {
      entries.putAll(optimizer.state());
    }
    Npz.write(file, entries);
  }

  /**
   * Loads a checkpoint into {@code model} (and {@code optimizer}, when it is not null and the file
   * holds optimizer state). Missing or unexpected names and shape mismatches are reported together
   * in one {@link CheckpointFormatException}; nothing is modified unless everything fits.
   */
  public static void load(Path file, Module model, Optimizer optimizer) throws IOException {
    Map<String, Tensor> entries = Npz.read(file);
    Map<String, Tensor> modelEntries = new LinkedHashMap<>();
    Map<String, Tensor> optimizerEntries = new LinkedHashMap<>();
    entries.forEach((name, t) -> (name.contains("/") ? optimizerEntries : modelEntries).put(name, t));
    Map<String, Tensor> state = modelState(model);
    Map<String, int[]> expected = new LinkedHashMap<>();
    state.forEach((name, t) -> expected.put(name, t.shape()));
    ParameterCheck.require("checkpoint " + file, modelEntries, expected);
    if (optimizer != null && !optimizerEntries.isEmpty()) {
      try {
        optimizer.loadState(optimizerEntries, model.parameters());
      } catch (IllegalArgumentException e) {
        throw new CheckpointFormatException("checkpoint " + file, e.getMessage(), e);
      }
    }
    state.forEach((name, t) -> {
      double[] from = modelEntries.get(name).data();
      System.arraycopy(from, 0, t.data(), 0, from.length);
    });
  }

  /** Parameters then buffers, by name. */
  private static Map<String, Tensor> modelState(Module model) {
    Map<String, Tensor> state = new LinkedHashMap<>(model.parameters());
    state.putAll(model.buffers());
    return state;
  }
}
