package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.optim.Optimizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An optimizer's state as named checkpoint entries, and back. The step count is {@code <kind>/t} (a
 * scalar) and comes first; then each slot of each updated parameter is {@code
 * <kind>/<slot>/<parameter>}, by slot and then by parameter name: {@code adam/t}, {@code
 * adam/m/Affine1.W}, {@code adam/m/Affine1.b}, {@code adam/v/Affine1.W}, ... Decoding checks every
 * entry before the optimizer changes, and its messages name the entry at fault.
 */
public final class OptimizerStateCodec {
  private final Optimizer optimizer;
  private final String kind;
  private final List<String> slots;

  private OptimizerStateCodec(Optimizer optimizer) {
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    this.kind = optimizer.kind();
    this.slots = optimizer.slotNames();
  }

  /** A copy of {@code optimizer}'s state as entries; later steps do not change it. */
  public static Map<String, Tensor> encode(Optimizer optimizer) {
    OptimizerStateCodec codec = new OptimizerStateCodec(optimizer);
    Map<String, Tensor> entries = new LinkedHashMap<>();
    entries.put(codec.stepName(), Tensor.scalar(optimizer.stepCount()));
    Map<String, List<Tensor>> slotState = optimizer.slotState();
    for (int s = 0; s < codec.slots.size(); s++) {
      for (Map.Entry<String, List<Tensor>> parameter : slotState.entrySet()) {
        entries.put(codec.slotName(s, parameter.getKey()), parameter.getValue().get(s));
      }
    }
    return Collections.unmodifiableMap(entries);
  }

  /**
   * Replaces the whole state of {@code optimizer} with a copy of {@code entries} (as {@link
   * #encode} writes them). Shapes against the parameters are checked at the next step; {@link
   * #decodeInto(Map, Optimizer, Map)} checks them now.
   *
   * @throws IllegalArgumentException if a name is not this optimizer's (another optimizer's, an
   *     unknown slot, no parameter), {@code <kind>/t} is missing or not a scalar holding a
   *     non-negative whole number, or a parameter lacks one of its slots or has slots of different
   *     shapes; the optimizer is then unchanged
   */
  public static void decodeInto(Map<String, Tensor> entries, Optimizer optimizer) {
    new OptimizerStateCodec(optimizer).install(entries, null);
  }

  /**
   * Like {@link #decodeInto(Map, Optimizer)}, and also checks that every parameter named in {@code
   * entries} is in {@code params} with the same shape.
   *
   * @throws IllegalArgumentException naming the entry, and both shapes on a mismatch; the optimizer
   *     is then unchanged
   */
  public static void decodeInto(
      Map<String, Tensor> entries, Optimizer optimizer, Map<String, Tensor> params) {
    new OptimizerStateCodec(optimizer).install(entries, Objects.requireNonNull(params, "params"));
  }

  /** Checks {@code entries} (against {@code params} unless it is null), then installs them. */
  private void install(Map<String, Tensor> entries, Map<String, Tensor> params) {
    Objects.requireNonNull(entries, "entries");
    Tensor stepTensor = entries.get(stepName());
    if (stepTensor == null) {
      throw new IllegalArgumentException(
          kind + ": state has no step count '" + stepName() + "'; expected " + expectedNames());
    }
    long steps = stepCountOf(stepTensor);
    Map<String, List<Tensor>> slotState = slotState(entries);
    if (params != null) {
      slotState.forEach((name, tensors) -> requireParameter(name, tensors.get(0), params));
    }
    optimizer.restoreState(steps, slotState);
  }

  /** The slot entries grouped by parameter, each parameter's in slot order, all checked. */
  private Map<String, List<Tensor>> slotState(Map<String, Tensor> entries) {
    String prefix = kind + "/";
    Map<String, Tensor[]> byParameter = new TreeMap<>();
    for (Map.Entry<String, Tensor> entry : entries.entrySet()) {
      String key = entry.getKey();
      if (key.equals(stepName())) {
        continue;
      }
      int slash = key.indexOf('/', prefix.length());
      int slot =
          key.startsWith(prefix) && slash > 0
              ? slots.indexOf(key.substring(prefix.length(), slash))
              : -1;
      if (slot < 0 || slash == key.length() - 1) {
        throw new IllegalArgumentException(
            kind + ": unknown state entry '" + key + "'; expected " + expectedNames());
      }
      Tensor value = Objects.requireNonNull(entry.getValue(), key);
      byParameter.computeIfAbsent(key.substring(slash + 1), n -> new Tensor[slots.size()])[slot] =
          value;
    }
    Map<String, List<Tensor>> slotState = new TreeMap<>();
    byParameter.forEach((name, tensors) -> slotState.put(name, checkedSlots(name, tensors)));
    return slotState;
  }

  /** A parameter's slot tensors, once each is present and all have one shape. */
  private List<Tensor> checkedSlots(String name, Tensor[] tensors) {
    for (int s = 0; s < slots.size(); s++) {
      if (tensors[s] == null) {
        throw new IllegalArgumentException(
            kind
                + ": state has no '"
                + slotName(s, name)
                + "' although other state of parameter '"
                + name
                + "' is present");
      }
      if (!Arrays.equals(tensors[0].shape(), tensors[s].shape())) {
        throw new IllegalArgumentException(
            kind
                + ": state '"
                + slotName(s, name)
                + "' has shape "
                + Shape.format(tensors[s].shape())
                + " but '"
                + slotName(0, name)
                + "' has shape "
                + Shape.format(tensors[0].shape()));
      }
    }
    return List.of(tensors);
  }

  private void requireParameter(String name, Tensor state, Map<String, Tensor> params) {
    Tensor param = params.get(name);
    if (param == null) {
      throw new IllegalArgumentException(
          kind
              + ": state is for unknown parameter '"
              + name
              + "'; parameters are "
              + new TreeSet<>(params.keySet()));
    }
    if (!Arrays.equals(param.shape(), state.shape())) {
      throw new IllegalArgumentException(
          kind
              + ": state '"
              + slotName(0, name)
              + "' has shape "
              + Shape.format(state.shape())
              + " but parameter '"
              + name
              + "' has shape "
              + Shape.format(param.shape()));
    }
  }

  /** The step count in {@code t}, which must be a scalar (shape {@code ()}) holding a count. */
  private long stepCountOf(Tensor t) {
    boolean scalar = t.rank() == 0;
    double value = scalar ? t.data()[0] : Double.NaN;
    if (!(value >= 0 && value <= 0x1p53 && value == Math.rint(value))) {
      throw new IllegalArgumentException(
          kind
              + ": state '"
              + stepName()
              + "' must be a scalar holding a non-negative whole"
              + " number, got "
              + (scalar ? String.valueOf(value) : "shape " + Shape.format(t.shape())));
    }
    return (long) value;
  }

  private String stepName() {
    return kind + "/t";
  }

  private String slotName(int slot, String parameter) {
    return kind + "/" + slots.get(slot) + "/" + parameter;
  }

  private String expectedNames() {
    StringBuilder sb = new StringBuilder(stepName());
    for (int s = 0; s < slots.size(); s++) {
      sb.append(", ").append(slotName(s, "<parameter>"));
    }
    return sb.toString();
  }
}
