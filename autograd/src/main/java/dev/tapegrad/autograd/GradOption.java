package dev.tapegrad.autograd;

/** Options of a backward pass ({@link Tape#backward} and {@link Tape#grad}). */
public enum GradOption {
  /** Keep the saved tensors so the same graph can be walked backward again. */
  RETAIN_GRAPH,
  /**
   * Record the backward pass on the tape, so the gradients are themselves differentiable (for
   * second and higher derivatives). Implies {@link #RETAIN_GRAPH}.
   */
  CREATE_GRAPH
}
