package dev.tapegrad.layers.optim;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Updates named parameters in place from their gradients: the common part of the book's
 * optimizers (section 6.1 of BOOK.md).
 *
 * <p>Parameters are addressed by name (for example {@code Affine1.W}), like the book's {@code
 * params} dictionary. Each subclass keeps per-parameter state in named slots (Momentum's velocity
 * {@code v}, AdaGrad's {@code h}, Adam's {@code m} and {@code v}); a parameter's slots are created
 * as zeros the first time it is updated. Every optimizer also counts its {@link #step steps}.
 *
 * <p>Updates work directly on the parameters' {@code double[]} arrays, so they never record on a
 * tape, even when one is open. A step checks every shape before it changes anything: a bad input
 * leaves parameters and state untouched.
 *
 * <p>{@link #state()} and {@link #loadState(Map)} carry the state across a checkpoint under
 * names {@code <kind>/t} (the step count, a scalar) and {@code <kind>/<slot>/<parameter>}, for
 * example {@code adam/t}, {@code adam/m/Affine1.W}, {@code momentum/v/Affine1.W}.
 */
public abstract class Optimizer {
  /** The book's fixed constant added to a square root to avoid dividing by zero. */
  protected static final double EPSILON = 1e-7;

  private final String kind;
  private final List<String> slots;
  private final Map<String, ParameterState> states = new HashMap<>();
  private double learningRate;
  private long steps;

  /**
   * @param kind short lower-case name used as the prefix of state names ({@code "adam"})
   * @param learningRate initial learning rate (positive, finite)
   * @param slots names of the per-parameter state arrays, in the order {@link #update} gets them
   */
  protected Optimizer(String kind, double learningRate, String... slots) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.slots = List.of(slots);
    setLearningRate(learningRate);
  }

  /**
   * Applies one update to the values {@code [from, to)} of one parameter, in place. Every value's
   * update depends only on that value's own parameter, gradient and state, so a large parameter is
   * updated in disjoint ranges on several cores at once.
   *
   * @param param the parameter's values, to be updated
   * @param grad its gradient, same length
   * @param state this parameter's slot arrays, same length each, in constructor order; updated in
   *     place
   * @param from first index to update
   * @param to one past the last index to update
   */
  protected abstract void update(
      double[] param, double[] grad, double[][] state, int from, int to);

  /**
   * Updates every parameter from its own accumulated gradient {@link Tensor#grad()}. A parameter
   * whose gradient is {@code null} (no backward pass reached it) is skipped.
   *
   * @throws IllegalArgumentException if a gradient's shape differs from its parameter's, or the
   *     stored state of a parameter has another shape (the parameter was replaced)
   */
  public final void step(Map<String, Tensor> params) {
    Objects.requireNonNull(params, "params");
    Map<String, Tensor> grads = new LinkedHashMap<>();
    params.forEach((name, param) -> grads.put(name, requireParameter(name, param).grad()));
    apply(params, grads);
  }

  /**
   * Updates the parameters from gradients computed elsewhere (the book's {@code update(params,
   * grads)}, for example with numerical gradients). A parameter without an entry in {@code
   * grads}, or with a {@code null} one, is skipped.
   *
   * @throws IllegalArgumentException if {@code grads} names a parameter that is not in {@code
   *     params}, a gradient's shape differs from its parameter's, or the stored state of a
   *     parameter has another shape
   */
  public final void step(Map<String, Tensor> params, Map<String, Tensor> grads) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(grads, "grads");
    for (String name : grads.keySet()) {
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException(
            kind + ": gradient for unknown parameter '" + name + "'; parameters are "
                + new TreeSet<>(params.keySet()));
      }
    }
    apply(params, grads);
  }

  private void apply(Map<String, Tensor> params, Map<String, Tensor> grads) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Tensor> entry : params.entrySet()) {
      String name = entry.getKey();
      Tensor param = requireParameter(name, entry.getValue());
      Tensor grad = grads.get(name);
      if (grad == null) {
        continue;
      }
      int[] shape = param.shape();
      if (!Arrays.equals(shape, grad.shape())) {
        throw new IllegalArgumentException(
            kind + ": parameter '" + name + "' has shape " + Shape.format(shape)
                + " but its gradient has shape " + Shape.format(grad.shape()));
      }
      ParameterState state = states.get(name);
      if (state != null && !Arrays.equals(shape, state.shape())) {
        throw new IllegalArgumentException(
            kind + ": state of parameter '" + name + "' has shape " + Shape.format(state.shape())
                + " but the parameter now has shape " + Shape.format(shape)
                + "; use a new optimizer or load matching state");
      }
      names.add(name);
    }
    steps++;
    for (String name : names) {
      Tensor param = params.get(name);
      ParameterState state =
          states.computeIfAbsent(name, n -> ParameterState.zeros(param.shape(), slots.size()));
      double[] values = param.data();
      double[] grad = grads.get(name).data();
      double[][] slotArrays = state.slots();
      Parallel.forRange(values.length, 1, (from, to) -> update(values, grad, slotArrays, from, to));
    }
  }

  private Tensor requireParameter(String name, Tensor param) {
    if (param == null) {
      throw new IllegalArgumentException(kind + ": parameter '" + name + "' is null");
    }
    return param;
  }

  /** The current learning rate. */
  public final double learningRate() {
    return learningRate;
  }

  /**
   * Changes the learning rate from the next step on (learning-rate decay, hyperparameter search).
   * The state is kept.
   *
   * @throws IllegalArgumentException unless {@code learningRate} is positive and finite
   */
  public final void setLearningRate(double learningRate) {
    this.learningRate = Hyperparameters.positive(kind + " learning rate", learningRate);
  }

  /** The number of {@link #step} calls so far (Adam's {@code t}), including loaded ones. */
  public final long stepCount() {
    return steps;
  }

  /** The short lower-case name that prefixes this optimizer's state names ({@code "adam"}). */
  public final String kind() {
    return kind;
  }

  /**
   * A copy of the state, for a checkpoint: {@code <kind>/t} first (a scalar), then each slot for
   * each parameter that has been updated, by slot and then by parameter name. Later steps do not
   * change the returned tensors.
   */
  public final Map<String, Tensor> state() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    out.put(stepName(), Tensor.scalar(steps));
    Map<String, ParameterState> sorted = new TreeMap<>(states);
    for (int s = 0; s < slots.size(); s++) {
      for (Map.Entry<String, ParameterState> entry : sorted.entrySet()) {
        ParameterState state = entry.getValue();
        out.put(slotName(s, entry.getKey()), Tensor.of(state.slots()[s], state.shape()));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Replaces the whole state with a copy of {@code state} (as written by {@link #state()}). Shapes
   * against the parameters are checked at the next step; {@link #loadState(Map, Map)} checks
   * them now.
   *
   * @throws IllegalArgumentException if a name is not this optimizer's (another optimizer's, an
   *     unknown slot, no parameter), {@code <kind>/t} is missing or not a scalar holding a
   *     non-negative whole number, or a parameter lacks one of its slots or has slots of different
   *     shapes; the current state is then unchanged
   */
  public final void loadState(Map<String, Tensor> state) {
    install(parse(state));
  }

  /**
   * Like {@link #loadState(Map)}, and also checks that every parameter named in {@code state} is
   * in {@code params} with the same shape.
   *
   * @throws IllegalArgumentException naming the entry, and both shapes on a mismatch; the current
   *     state is then unchanged
   */
  public final void loadState(Map<String, Tensor> state, Map<String, Tensor> params) {
    Objects.requireNonNull(params, "params");
    LoadedState loaded = parse(state);
    loaded.parameters().forEach((name, parameterState) -> {
      Tensor param = params.get(name);
      if (param == null) {
        throw new IllegalArgumentException(
            kind + ": state is for unknown parameter '" + name + "'; parameters are "
                + new TreeSet<>(params.keySet()));
      }
      if (!Arrays.equals(param.shape(), parameterState.shape())) {
        throw new IllegalArgumentException(
            kind + ": state '" + slotName(0, name) + "' has shape "
                + Shape.format(parameterState.shape()) + " but parameter '" + name
                + "' has shape " + Shape.format(param.shape()));
      }
    });
    install(loaded);
  }

  private void install(LoadedState loaded) {
    states.clear();
    states.putAll(loaded.parameters());
    steps = loaded.steps();
  }

  private LoadedState parse(Map<String, Tensor> state) {
    Objects.requireNonNull(state, "state");
    Tensor stepTensor = state.get(stepName());
    if (stepTensor == null) {
      throw new IllegalArgumentException(
          kind + ": state has no step count '" + stepName() + "'; expected " + expectedNames());
    }
    long loadedSteps = stepCountOf(stepTensor);
    String prefix = kind + "/";
    Map<String, Tensor[]> byParameter = new TreeMap<>();
    for (Map.Entry<String, Tensor> entry : state.entrySet()) {
      String key = entry.getKey();
      if (key.equals(stepName())) {
        continue;
      }
      int slash = key.indexOf('/', prefix.length());
      int slot = key.startsWith(prefix) && slash > 0
          ? slots.indexOf(key.substring(prefix.length(), slash)) : -1;
      if (slot < 0 || slash == key.length() - 1) {
        throw new IllegalArgumentException(
            kind + ": unknown state entry '" + key + "'; expected " + expectedNames());
      }
      Tensor value = Objects.requireNonNull(entry.getValue(), key);
      byParameter.computeIfAbsent(key.substring(slash + 1), n -> new Tensor[slots.size()])[slot] =
          value;
    }
    Map<String, ParameterState> parameters = new HashMap<>();
    byParameter.forEach((name, values) -> parameters.put(name, parameterState(name, values)));
    return new LoadedState(loadedSteps, parameters);
  }

  private ParameterState parameterState(String name, Tensor[] values) {
    int[] shape = null;
    double[][] arrays = new double[slots.size()][];
    for (int s = 0; s < slots.size(); s++) {
      if (values[s] == null) {
        throw new IllegalArgumentException(
            kind + ": state has no '" + slotName(s, name) + "' although other state of parameter '"
                + name + "' is present");
      }
      if (shape != null && !Arrays.equals(shape, values[s].shape())) {
        throw new IllegalArgumentException(
            kind + ": state '" + slotName(s, name) + "' has shape "
                + Shape.format(values[s].shape()) + " but '" + slotName(0, name) + "' has shape "
                + Shape.format(shape));
      }
      shape = values[s].shape();
      arrays[s] = values[s].data().clone();
    }
    return new ParameterState(shape, arrays);
  }

  /** The step count in {@code t}, which must be a scalar (shape {@code ()}) holding a count. */
  private long stepCountOf(Tensor t) {
    boolean scalar = t.rank() == 0;
    double value = scalar ? t.data()[0] : Double.NaN;
    if (!(value >= 0 && value <= 0x1p53 && value == Math.rint(value))) {
      throw new IllegalArgumentException(
          kind + ": state '" + stepName() + "' must be a scalar holding a non-negative whole"
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

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(lr=" + learningRate + ")";
  }

  /** A validated copy of loaded state, not yet installed. */
  private record LoadedState(long steps, Map<String, ParameterState> parameters) {}

  /** One parameter's shape and slot arrays. */
  private record ParameterState(int[] shape, double[][] slots) {
    static ParameterState zeros(int[] shape, int slotCount) {
      int size = Shape.size(shape);
      double[][] arrays = new double[slotCount][];
      for (int s = 0; s < slotCount; s++) {
        arrays[s] = new double[size];
      }
      return new ParameterState(shape, arrays);
    }
  }
}
