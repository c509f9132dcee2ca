package dev.tapegrad.autograd;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * One recorded operation on a {@link Tape}: the op name, its inputs and output, the backward rule
 * with the tensors it saved, the scope path it was recorded in (such as {@code
 * TwoLayerNet/Affine1}), op attributes for display (axes, stride, ...) and, for a fused node, its
 * expansion into primitives.
 */
public final class Node {
  private final Tape tape;
  private final int index;
  private final long sequence;
  private final String op;
  private final ImmutableList<Tensor> inputs;
  private final Tensor output;
  private final String scope;
  private final ImmutableMap<String, Object> attributes;
  private final Expansion expansion;
  private BackwardRule backward;
  private ImmutableList<Tensor> saved;

  Node(
      Tape tape,
      int index,
      long sequence,
      String op,
      ImmutableList<Tensor> inputs,
      Tensor output,
      String scope,
      ImmutableMap<String, Object> attributes,
      Expansion expansion,
      BackwardRule backward,
      ImmutableList<Tensor> saved) {
    this.tape = tape;
    this.index = index;
    this.sequence = sequence;
    this.op = op;
    this.inputs = inputs;
    this.output = output;
    this.scope = scope;
    this.attributes = attributes;
    this.expansion = expansion;
    this.backward = backward;
    this.saved = saved;
  }

  /** The op name, e.g. {@code mul}, {@code dot}, {@code im2col}. */
  public String op() {
    return op;
  }

  public ImmutableList<Tensor> inputs() {
    return inputs;
  }

  public Tensor output() {
    return output;
  }

  /** Slash-separated scope path, empty at the top level. */
  public String scope() {
    return scope;
  }

  /** Display attributes of the op (for example {@code axes}, {@code stride}); may be empty. */
  public ImmutableMap<String, Object> attributes() {
    return attributes;
  }

  /** The primitive expansion of a fused node. */
  public Optional<Expansion> expansion() {
    return Optional.ofNullable(expansion);
  }

  /** Position on the tape (recording order). */
  public int index() {
    return index;
  }

  /**
   * Position among all nodes recorded by this program, on any tape: a node's inputs were always
   * made by nodes with smaller numbers, so a backward pass that crosses tapes can still walk them
   * in reverse order.
   */
  long sequence() {
    return sequence;
  }

  public Tape tape() {
    return tape;
  }

  /** Whether a backward pass has already freed this node's saved tensors. */
  public boolean isReleased() {
    return backward == null;
  }

  BackwardRule backward() {
    return backward;
  }

  /**
   * Drops the backward rule and the tensors it saved (once: later calls return nothing); returns
   * those tensors, which no one needs any more.
   */
  ImmutableList<Tensor> release() {
    ImmutableList<Tensor> freed = saved;
    backward = null;
    saved = ImmutableList.of();
    return freed;
  }

  /** Text used in error messages: op, scope and input shapes. */
  String describe() {
    StringBuilder sb = new StringBuilder(op);
    sb.append(" (scope '").append(scope).append("', inputs ");
    for (int i = 0; i < inputs.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(Shape.format(inputs.get(i).shape()));
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return "Node#" + index + " " + describe() + " -> " + Shape.format(output.shape());
  }
}
