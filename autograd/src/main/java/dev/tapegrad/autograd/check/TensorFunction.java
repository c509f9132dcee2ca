package dev.tapegrad.autograd.check;

import dev.tapegrad.autograd.Tensor;

/** A function of one or more tensors, as checked by {@link GradCheck}. */
@FunctionalInterface
public interface TensorFunction {
  Tensor apply(Tensor... inputs);
}
