package dev.tapegrad.autograd;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * Records one operation on the current tape. Every op, built-in or a user's own, computes its
 * output with kernels and then calls:
 *
 * <pre>{@code
 * return Op.named("mul").inputs(a, b).record(out, gy -> new Tensor[] {gy.mul(b), gy.mul(a)});
 * }</pre>
 *
 * <p>Nothing is recorded (and the output is returned as a plain tensor) when no tape is recording
 * on this thread or no input requires a gradient. Broadcasting ops reduce their input gradients
 * back to the input shapes themselves (see {@link Tensor#sumTo}).
 */
public final class Op {
  private final String name;
  private ImmutableList<Tensor> inputs = ImmutableList.of();
  private ImmutableMap.Builder<String, Object> attributes;
  private Expansion expansion;
  private ImmutableList<Tensor> saved = ImmutableList.of();

  private Op(String name) {
    this.name = name;
  }

  /** Starts describing an op called {@code name} (the label diagrams show). */
  public static Op named(String name) {
    return new Op(name);
  }

  public Op inputs(Tensor... tensors) {
    this.inputs = ImmutableList.copyOf(tensors);
    return this;
  }

  /** Adds a display attribute (an axis, a stride, a constant). */
  public Op attribute(String key, Object value) {
    if (attributes == null) {
      attributes = ImmutableMap.builder();
    }
    attributes.put(key, value);
    return this;
  }

  /** Marks the op as fused, with its definition in primitive ops. */
  public Op expansion(Expansion primitives) {
    this.expansion = primitives;
    return this;
  }

  /**
   * Declares tensors the backward rule keeps besides the op's inputs and output, made by the op for
   * that rule alone (PyTorch's {@code save_for_backward}), such as the columns of a convolution:
   * the node drops them when a backward pass frees it, and a tape opened with {@link
   * Tape#recycling()} reuses their memory once it closes. Never pass a tensor anything else holds.
   */
  public Op saves(Tensor... tensors) {
    this.saved = ImmutableList.copyOf(tensors);
    return this;
  }

  /**
   * Records the node if needed and returns {@code output}, which then requires a gradient and knows
   * its creator.
   */
  public Tensor record(Tensor output, BackwardRule backward) {
    Tape tape = Tape.current();
    if (tape == null) {
      return output;
    }
    if (!tape.isRecordingNow() || !anyRequiresGrad()) {
      tape.unrecordedResult(output, inputs);
      return output;
    }
    for (Tensor in : inputs) {
      if (in == output) {
        throw new IllegalArgumentException(name + ": an op must not return one of its inputs");
      }
    }
    Node node =
        tape.append(
            name,
            inputs,
            output,
            attributes == null ? ImmutableMap.of() : attributes.buildOrThrow(),
            expansion,
            backward,
            saved);
    output.setCreator(node);
    return output;
  }

  private boolean anyRequiresGrad() {
    for (Tensor in : inputs) {
      if (in.needsGrad()) {
        return true;
      }
    }
    return false;
  }
}
