package dev.tapegrad.layers.optim;

import dev.tapegrad.autograd.Cores;
import dev.tapegrad.autograd.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Updates named parameters in place from their gradients: the common part of the book's optimizers
 * (section 6.1 of BOOK.md). Parameters are addressed by name ({@code Affine1.W}), like the book's
 * {@code params} dictionary. A subclass gives the update rule and names its per-parameter state
 * arrays, its slots (Momentum's velocity {@code v}, Adam's {@code m} and {@code v}); a parameter's
 * slots are created as zeros at its first update.
 *
 * <p>Updates work directly on the parameters' {@code double[]} arrays, so they never record on a
 * tape. A step checks every shape before it changes anything: a bad input leaves parameters and
 * state untouched. {@link dev.tapegrad.layers.io.OptimizerStateCodec} writes the state into
 * checkpoints and reads it back.
 */
public abstract class Optimizer {
  /** The book's fixed constant added to a square root to avoid dividing by zero. */
  protected static final double EPSILON = 1e-7;

  private final String kind;
  private final ParameterStates states;
  private double learningRate;
  private long steps;

  /**
   * @param kind short lower-case name of the optimizer, which prefixes its checkpoint entries
   * @param learningRate initial learning rate (positive, finite)
   * @param slotNames names of the per-parameter state arrays, in {@link #update}'s order
   */
  protected Optimizer(String kind, double learningRate, String... slotNames) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.states = new ParameterStates(kind, List.of(slotNames));
    setLearningRate(learningRate);
  }

  /**
   * The update rule, applied in place to the values {@code [from, to)} of one parameter. It must be
   * elementwise: the update of value {@code i} reads and writes index {@code i} of the arrays only.
   * That contract lets a step cut a large parameter into disjoint ranges and update them on several
   * cores at once, so calls for one parameter may run concurrently. {@link #learningRate()} and
   * {@link #stepCount()} (which counts the step being taken) are fixed during a step.
   *
   * @param param the parameter's values, updated in place
   * @param grad its gradient, same length
   * @param slots its state arrays in constructor order, same length each, updated in place
   * @param from first index to update
   * @param to one past the last index to update
   */
  protected abstract void update(double[] param, double[] grad, double[][] slots, int from, int to);

  /**
   * Updates every parameter from its own accumulated gradient {@link Tensor#grad()}; one whose
   * gradient is {@code null} (no backward pass reached it) is skipped.
   *
   * @throws IllegalArgumentException if a parameter is null, a gradient's shape differs from its
   *     parameter's, or the stored state of a parameter has another shape (it was replaced)
   */
  public final void step(Map<String, Tensor> params) {
    Objects.requireNonNull(params, "params");
    Map<String, Tensor> grads = new LinkedHashMap<>();
    params.forEach((name, param) -> grads.put(name, param == null ? null : param.grad()));
    step(params, grads);
  }

  /**
   * Updates the parameters from gradients computed elsewhere (the book's {@code update(params,
   * grads)}, for example with numerical gradients). A parameter without a gradient in {@code
   * grads}, or with a {@code null} one, is skipped.
   *
   * @throws IllegalArgumentException as {@link #step(Map)}, and if {@code grads} names a parameter
   *     that is not in {@code params}
   */
  public final void step(Map<String, Tensor> params, Map<String, Tensor> grads) {
    Map<String, Tensor> toUpdate = StepInput.parametersToUpdate(kind, params, grads, states);
    steps++;
    toUpdate.forEach(
        (name, param) -> {
          double[] values = param.data();
          double[] grad = grads.get(name).data();
          double[][] slots = states.slots(name, param.shape());
          Cores.forRange(values.length, (from, to) -> update(values, grad, slots, from, to));
        });
  }

  /** The current learning rate. */
  public final double learningRate() {
    return learningRate;
  }

  /**
   * Changes the learning rate from the next step on (learning-rate decay, hyperparameter search);
   * the state is kept.
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

  /** The short lower-case name of the optimizer ({@code "adam"}), the prefix of its entries. */
  public final String kind() {
    return kind;
  }

  /** The names of the per-parameter state arrays, in {@link #update}'s order ({@code [m, v]}). */
  public final List<String> slotNames() {
    return states.slotNames();
  }

  /**
   * A copy of the per-parameter state: each updated parameter's slots in {@link #slotNames()}
   * order, by parameter name; empty for an optimizer without slots. Later steps do not change it.
   */
  public final SortedMap<String, List<Tensor>> slotState() {
    return states.copy();
  }

  /**
   * Replaces the step count and the whole per-parameter state with a copy of {@code slotState}
   * (shaped as {@link #slotState()} returns it). It refuses only state it could not use; {@link
   * dev.tapegrad.layers.io.OptimizerStateCodec} checks checkpoint entries first and names a bad
   * one. Shapes against the parameters are checked at the next step.
   *
   * @throws IllegalArgumentException if {@code steps} is negative, or a parameter does not have one
   *     tensor per slot, all of one shape; the current state is then unchanged
   */
  public final void restoreState(long steps, Map<String, List<Tensor>> slotState) {
    if (steps < 0) {
      throw new IllegalArgumentException(kind + ": step count " + steps + " is negative");
    }
    states.replace(slotState);
    this.steps = steps;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(lr=" + learningRate + ")";
  }
}
