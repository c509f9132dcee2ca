package dev.tapegrad.autograd;

/**
 * The backward rule of one recorded node: given the gradient of the loss with respect to the node's
 * output, returns the gradient with respect to each input (same order as the inputs; {@code null}
 * for an input that needs none).
 *
 * <p>Rules are written with the public tensor ops, so when the backward pass is itself recorded
 * ({@link GradOption#CREATE_GRAPH}) gradients of gradients come for free.
 */
@FunctionalInterface
public interface BackwardRule {
  Tensor[] apply(Tensor gradOutput);
}
