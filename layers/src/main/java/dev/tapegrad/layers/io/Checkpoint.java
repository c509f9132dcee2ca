package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;
import dev.tapegrad.layers.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's parameters and buffers, and optionally its optimizer's state, as one NumPy {@code .npz}
 * file: model entries under their dotted names ({@code Affine1.W}, {@code BatchNorm1.runningMean}),
 * optimizer entries under slash names ({@code adam/m/Affine1.W}, see {@link OptimizerStateCodec}).
 * Saving is atomic, so an interrupted save leaves the previous checkpoint intact, and refuses
 * values that are not finite, so a diverged run cannot replace a good checkpoint with NaN. Loading
 * checks every name and shape before it changes anything, and reports (without refusing) arrays
 * that hold NaN or infinity, which only a file written elsewhere can.
 */
public final class Checkpoint {
  private Checkpoint() {}

  /**
   * What {@link #load} found besides names and shapes, which it checks itself.
   *
   * @param nonFiniteEntries the loaded entries that hold NaN or infinity: model entries in file
   *     order, then optimizer entries in file order
   */
  public record LoadReport(List<String> nonFiniteEntries) {
    /** Copies the list. */
    public LoadReport {
      nonFiniteEntries = List.copyOf(nonFiniteEntries);
    }

    /** Whether every loaded value is finite (no NaN, no infinity). */
    public boolean allFinite() {
      return nonFiniteEntries.isEmpty();
    }
  }

  /**
   * Saves the model's state and, unless {@code optimizer} is null, the optimizer's.
   *
   * @throws IllegalArgumentException naming every entry that holds NaN or infinity, before {@code
   *     file} is touched: an existing checkpoint stays as it was
   */
  public static void save(Path file, Module model, Optimizer optimizer) throws IOException {
    Map<String, Tensor> entries = new LinkedHashMap<>(modelState(model));
    if (optimizer != null) {
      entries.putAll(OptimizerStateCodec.encode(optimizer));
    }
    List<String> nonFinite = nonFinite(entries);
    if (!nonFinite.isEmpty()) {
      throw new IllegalArgumentException(
          "checkpoint "
              + file
              + ": not saved, NaN or infinity in "
              + String.join(", ", nonFinite)
              + "; the file is left as it was");
    }
    Npz.write(file, entries);
  }

  /**
   * Loads a checkpoint into {@code model} (and {@code optimizer}, when it is not null and the file
   * holds optimizer state). Missing or unexpected names and shape mismatches are reported together
   * in one {@link CheckpointFormatException}, as is optimizer state that does not fit {@code
   * optimizer} (entries of another kind of optimizer or for no parameter, a step count that is not
   * one non-negative whole number); nothing is modified unless everything fits. Optimizer entries
   * are ignored when {@code optimizer} is null.
   *
   * @return which loaded entries hold NaN or infinity; they are loaded all the same, and the caller
   *     decides whether to warn or stop
   */
  public static LoadReport load(Path file, Module model, Optimizer optimizer) throws IOException {
    Map<String, Tensor> entries = Npz.read(file);
    Map<String, Tensor> modelEntries = new LinkedHashMap<>();
    Map<String, Tensor> optimizerEntries = new LinkedHashMap<>();
    entries.forEach(
        (name, t) -> (name.contains("/") ? optimizerEntries : modelEntries).put(name, t));
    Map<String, Tensor> state = modelState(model);
    Map<String, int[]> expected = new LinkedHashMap<>();
    state.forEach((name, t) -> expected.put(name, t.shape()));
    ParameterCheck.require("checkpoint " + file, modelEntries, expected);
    Map<String, Tensor> loaded = new LinkedHashMap<>(modelEntries);
    if (optimizer != null && !optimizerEntries.isEmpty()) {
      try {
        OptimizerStateCodec.decodeInto(optimizerEntries, optimizer, model.parameters());
      } catch (IllegalArgumentException e) {
        throw new CheckpointFormatException("checkpoint " + file, e.getMessage(), e);
      }
      loaded.putAll(optimizerEntries);
    }
    state.forEach(
        (name, t) -> {
          double[] from = modelEntries.get(name).data();
          System.arraycopy(from, 0, t.data(), 0, from.length);
        });
    return new LoadReport(nonFinite(loaded));
  }

  /** Parameters then buffers, by name. */
  private static Map<String, Tensor> modelState(Module model) {
    Map<String, Tensor> state = new LinkedHashMap<>(model.parameters());
    state.putAll(model.buffers());
    return state;
  }

  /** The names of the entries that hold NaN or infinity, in order. */
  private static List<String> nonFinite(Map<String, Tensor> entries) {
    List<String> names = new ArrayList<>();
    entries.forEach(
        (name, t) -> {
          if (!isFinite(t)) {
            names.add(name);
          }
        });
    return names;
  }

  private static boolean isFinite(Tensor t) {
    for (double v : t.data()) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
