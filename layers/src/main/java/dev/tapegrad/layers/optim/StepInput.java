package dev.tapegrad.layers.optim;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The input of one optimizer step, checked in full before the step changes anything. */
final class StepInput {
  private StepInput() {}

  /**
   * The parameters that have a gradient, in {@code params} order.
   *
   * @param kind the optimizer's name, which starts every message
   * @throws IllegalArgumentException if {@code grads} names a parameter that is not in {@code
   *     params}, a parameter is null, a gradient's shape differs from its parameter's, or the state
   *     in {@code states} of a parameter has another shape
   */
  static Map<String, Tensor> parametersToUpdate(
      String kind, Map<String, Tensor> params, Map<String, Tensor> grads, ParameterStates states) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(grads, "grads");
    for (String name : grads.keySet()) {
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException(
            kind
                + ": gradient for unknown parameter '"
                + name
                + "'; parameters are "
                + new TreeSet<>(params.keySet()));
      }
    }
    Map<String, Tensor> toUpdate = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> entry : params.entrySet()) {
      String name = entry.getKey();
      Tensor param = entry.getValue();
      if (param == null) {
        throw new IllegalArgumentException(kind + ": parameter '" + name + "' is null");
      }
      Tensor grad = grads.get(name);
      if (grad == null) {
        continue;
      }
      if (!Arrays.equals(param.shape(), grad.shape())) {
        throw new IllegalArgumentException(
            kind
                + ": parameter '"
                + name
                + "' has shape "
                + Shape.format(param.shape())
                + " but its gradient has shape "
                + Shape.format(grad.shape()));
      }
      states.requireShape(name, param.shape());
      toUpdate.put(name, param);
    }
    return toUpdate;
  }
}
