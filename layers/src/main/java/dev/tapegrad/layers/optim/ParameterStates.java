package dev.tapegrad.layers.optim;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An optimizer's per-parameter state by parameter name: for each parameter, its shape and one array
 * per slot, as many values as the parameter holds. A parameter's slots are created as zeros at its
 * first update; the whole state is copied out for a checkpoint and replaced when one loads.
 */
final class ParameterStates {
  private final String kind;
  private final List<String> slotNames;
  private final Map<String, Entry> entries = new HashMap<>();

  ParameterStates(String kind, List<String> slotNames) {
    this.kind = kind;
    this.slotNames = slotNames;
  }

  List<String> slotNames() {
    return slotNames;
  }

  /**
   * Checks that the state of {@code name}, if it has any, was made for {@code shape}.
   *
   * @throws IllegalArgumentException if it was made for another shape (the parameter was replaced)
   */
  void requireShape(String name, int[] shape) {
    Entry entry = entries.get(name);
    if (entry != null && !Arrays.equals(shape, entry.shape())) {
      throw new IllegalArgumentException(
          kind
              + ": state of parameter '"
              + name
              + "' has shape "
              + Shape.format(entry.shape())
              + " but the parameter now has shape "
              + Shape.format(shape)
              + "; use a new optimizer or load matching state");
    }
  }

  /** The slot arrays of {@code name}, created as zeros of {@code shape} on first use. */
  double[][] slots(String name, int[] shape) {
    int size = Shape.size(shape);
    return entries
        .computeIfAbsent(name, n -> new Entry(shape, new double[slotNames.size()][size]))
        .slots();
  }

  /** Copies of every parameter's slots, as {@link Optimizer#slotState()} describes. */
  SortedMap<String, List<Tensor>> copy() {
    SortedMap<String, List<Tensor>> copy = new TreeMap<>();
    if (!slotNames.isEmpty()) {
      entries.forEach((name, entry) -> copy.put(name, entry.toTensors()));
    }
    return copy;
  }

  /** Replaces every parameter's slots with copies, as {@link Optimizer#restoreState} describes. */
  void replace(Map<String, List<Tensor>> slotState) {
    Map<String, Entry> copy = new HashMap<>();
    slotState.forEach((name, tensors) -> copy.put(name, copyOf(name, tensors)));
    entries.clear();
    entries.putAll(copy);
  }

  private Entry copyOf(String name, List<Tensor> tensors) {
    String what = kind + ": state of parameter '" + name + "'";
    if (tensors.isEmpty() || tensors.size() != slotNames.size()) {
      throw new IllegalArgumentException(
          what + " needs one tensor for each slot " + slotNames + ", got " + tensors.size());
    }
    int[] shape = tensors.get(0).shape();
    double[][] slots = new double[tensors.size()][];
    for (int s = 0; s < slots.length; s++) {
      Tensor tensor = tensors.get(s);
      if (!Arrays.equals(shape, tensor.shape())) {
        throw new IllegalArgumentException(
            what
                + " has tensors of shapes "
                + Shape.format(shape)
                + " and "
                + Shape.format(tensor.shape()));
      }
      slots[s] = tensor.data().clone();
    }
    return new Entry(shape, slots);
  }

  /** One parameter's shape and slot arrays. */
  private record Entry(int[] shape, double[][] slots) {
    List<Tensor> toTensors() {
      List<Tensor> tensors = new ArrayList<>(slots.length);
      for (double[] slot : slots) {
        tensors.add(Tensor.of(slot, shape));
      }
      return List.copyOf(tensors);
    }
  }
}
