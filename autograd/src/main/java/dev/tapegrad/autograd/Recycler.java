package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernels.Workspace;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a tape closed with {@link Tape#recycling()} gives back: the arrays of its nodes' outputs, of
 * the gradients of its last backward pass and, on an {@link Tape#inference} tape, of the results it
 * computed without recording them, except any array that is also behind a value the tape did not
 * produce (a leaf, a constant, a value of an outer tape), behind a leaf's {@code grad()}, or behind
 * a kept tensor. Protection goes by array identity, so a view of a parameter ({@code reshape}) and
 * a gradient that is a leaf's {@code grad()} are safe too.
 */
final class Recycler {
  private final Tape tape;
  private final Set<double[]> protectedArrays = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<double[]> given = Collections.newSetFromMap(new IdentityHashMap<>());

  private Recycler(Tape tape, Collection<Tensor> kept) {
    this.tape = tape;
    kept.forEach(this::protect);
  }

  /**
   * Marks and gives back what {@code tape} may recycle; see the class comment. {@code unrecorded}
   * are the results an {@link Tape#inference} tape computed without recording them.
   */
  static void recycle(
      Tape tape,
      List<Node> nodes,
      Map<Tensor, Tensor> gradients,
      Collection<Tensor> unrecorded,
      Collection<Tensor> kept) {
    Recycler recycler = new Recycler(tape, kept);
    for (Node node : nodes) {
      for (Tensor input : node.inputs()) {
        recycler.protectIfForeign(input);
      }
    }
    // a backward pass that crossed into another tape reached leaves that are no input here
    gradients.keySet().forEach(recycler::protectIfForeign);
    for (Node node : nodes) {
      node.release();
      recycler.giveBack(node.output());
    }
    gradients.values().forEach(recycler::giveBack);
    unrecorded.forEach(recycler::giveBack);
  }

  /** Protects a value this tape did not produce, and its accumulated gradient. */
  private void protectIfForeign(Tensor t) {
    if (t.creator() != null && t.creator().tape() == tape) {
      return;
    }
    protect(t);
    if (t.grad() != null) {
      protect(t.grad());
    }
  }

  private void protect(Tensor t) {
    protectedArrays.add(t.storage().array());
  }

  private void giveBack(Tensor t) {
    Storage storage = t.storage();
    double[] array = storage.array();
    if (storage.isRecycled() || protectedArrays.contains(array)) {
      return;
    }
    storage.markRecycled();
    if (given.add(array)) {
      Workspace.give(array);
    }
  }
}
