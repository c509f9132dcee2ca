package dev.tapegrad.layers;

import com.google.common.base.Preconditions;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A layer or network: named parameters, child modules, a train/eval mode, and a {@link #forward}
 * made of tensor ops. Calling a module through {@link #apply} records its nodes inside a tape scope
 * named after it, so a tape of a network reads {@code SimpleConvNet/Conv1/...}.
 *
 * <p>A user's own layer is a small class:
 *
 * <pre>{@code
 * final class Swish extends Module {
 *   @Override public Tensor forward(Tensor x) { return x.mul(F.sigmoid(x)); }
 * }
 * }</pre>
 *
 * <p>Parameter names are dotted paths below the module they are asked from: a network's {@link
 * #parameters()} holds {@code Affine1.W}, {@code Affine1.b}, ... Parameters are leaf tensors that
 * require gradients; optimizers update their data in place.
 */
public abstract class Module {
  private final String name;
  private final Map<String, Tensor> ownParameters = new LinkedHashMap<>();
  private final Map<String, Tensor> ownBuffers = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;

  /** A module named after its class (e.g. {@code Swish}). */
  protected Module() {
    this.name = getClass().getSimpleName();
  }

  /** A module with an explicit name (e.g. {@code Affine1}). */
  protected Module(String name) {
    Preconditions.checkArgument(
        !name.isEmpty() && !name.contains(".") && !name.contains("/"),
        "module name must be non-empty without '.' or '/': %s",
        name);
    this.name = name;
  }

  /** The computation, written with tensor ops. Call {@link #apply} to get the scope too. */
  public abstract Tensor forward(Tensor x);

  /** Runs {@link #forward} inside a tape scope named after this module. */
  public final Tensor apply(Tensor x) {
    try (Tape.Scope scope = Tape.scope(name)) {
      return forward(x);
    }
  }

  /** Applies the children in the order they were added, each in its own scope. */
  protected final Tensor applyChildrenInOrder(Tensor x) {
    Tensor y = x;
    for (Module child : children.values()) {
      y = child.apply(y);
    }
    return y;
  }

  public String name() {
    return name;
  }

  /** Registers a parameter: it becomes a gradient-requiring leaf named after its path. */
  protected final Tensor addParameter(String localName, Tensor value) {
    Preconditions.checkArgument(
        !ownParameters.containsKey(localName) && !children.containsKey(localName),
        "%s: parameter %s is already defined",
        name,
        localName);
    value.requiresGrad().named(name + "." + localName);
    ownParameters.put(localName, value);
    return value;
  }

  /**
   * Registers a buffer: state that is saved in checkpoints but not trained by gradients (batch
   * norm's running mean and variance).
   */
  protected final Tensor addBuffer(String localName, Tensor value) {
    Preconditions.checkArgument(
        !ownBuffers.containsKey(localName) && !ownParameters.containsKey(localName),
        "%s: buffer %s is already defined",
        name,
        localName);
    value.named(name + "." + localName);
    ownBuffers.put(localName, value);
    return value;
  }

  /** Registers a child module under its name. */
  protected final <M extends Module> M addChild(M child) {
    Preconditions.checkArgument(
        !children.containsKey(child.name()) && !ownParameters.containsKey(child.name()),
        "%s: a child named %s is already defined",
        name,
        child.name());
    children.put(child.name(), child);
    return child;
  }

  /** Child modules in the order they were added. */
  public Map<String, Module> children() {
    return Collections.unmodifiableMap(children);
  }

  /**
   * Every parameter of this module and its descendants, in definition order, keyed by its dotted
   * path relative to this module ({@code W} for a layer's own, {@code Affine1.W} in a network).
   */
  public Map<String, Tensor> parameters() {
    return collect(ownParameters, Module::parameters);
  }

  private Map<String, Tensor> collect(
      Map<String, Tensor> own, java.util.function.Function<Module, Map<String, Tensor>> ofChild) {
    Map<String, Tensor> all = new LinkedHashMap<>(own);
    for (Module child : children.values()) {
      ofChild.apply(child).forEach((path, t) -> all.put(child.name() + "." + path, t));
    }
    return Collections.unmodifiableMap(all);
  }

  /** Every buffer of this module and its descendants, keyed like {@link #parameters()}. */
  public Map<String, Tensor> buffers() {
    return collect(ownBuffers, Module::buffers);
  }

  /** Total number of parameter values. */
  public long parameterCount() {
    return parameters().values().stream().mapToLong(Tensor::size).sum();
  }

  /** Clears the accumulated gradient of every parameter. */
  public void zeroGrad() {
    parameters().values().forEach(Tensor::zeroGrad);
  }

  /** Training mode (dropout drops, batch norm uses batch statistics); the default. */
  public void train() {
    setTraining(true);
  }

  /** Evaluation mode (dropout scales, batch norm uses running statistics). */
  public void eval() {
    setTraining(false);
  }

  private void setTraining(boolean value) {
    training = value;
    children.values().forEach(c -> c.setTraining(value));
  }

  public boolean isTraining() {
    return training;
  }

  /** A table of parameters (name, shape, count) and the total, like the layer tables users know. */
  public String summary() {
    Map<String, Tensor> params = parameters();
    int width = Math.max(9, params.keySet().stream().mapToInt(String::length).max().orElse(0));
    StringBuilder sb = new StringBuilder(name).append('\n');
    String row = "%-" + width + "s  %-16s %12s%n";
    sb.append(String.format(Locale.ROOT, row, "parameter", "shape", "count"));
    params.forEach(
        (path, p) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    row,
                    path,
                    Shape.format(p.shape()),
                    String.format(Locale.ROOT, "%,d", p.size()))));
    sb.append(
        String.format(
            Locale.ROOT, row, "total", "", String.format(Locale.ROOT, "%,d", parameterCount())));
    return sb.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
