package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernels.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The memory of a tape opened with {@link Tape#recycling()} or {@link Tape#inference()}: when the
 * tape closes, the arena gives the arrays of the values the tape produced back to the thread's pool
 * of arrays, where later ops take their results from, and releases them, so that reading one of
 * those values afterwards throws.
 *
 * <p>What goes back: the outputs of the tape's nodes and the tensors they {@linkplain Op#saves
 * saved}, the gradients of its last backward pass and, on an inference tape, the results it
 * computed without recording them. What never goes back: any array that is also behind a value the
 * tape did not produce (a leaf, a constant, a value of an outer tape), behind a leaf's {@code
 * grad()}, or behind a {@linkplain #keep kept} tensor. Protection goes by array identity, so a view
 * of a parameter ({@code reshape}) and a gradient that is a leaf's {@code grad()} are safe too.
 */
final class Arena {
  private final Tape tape;
  private final boolean adoptsUnrecorded;

  /** An inference tape's results, weakly: one tape around a long loop must not keep them all. */
  private final WeakList<Tensor> unrecorded = new WeakList<>(result -> true);

  /** Saved tensors of nodes a backward pass freed before the tape closed. */
  private final List<Tensor> freedSaved = new ArrayList<>();

  private final List<Tensor> kept = new ArrayList<>();
  private final Set<double[]> protectedArrays = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<double[]> given = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * An arena for {@code tape}; with {@code adoptsUnrecorded}, it also takes the results of ops the
   * tape computed without recording them (an inference tape).
   */
  Arena(Tape tape, boolean adoptsUnrecorded) {
    this.tape = tape;
    this.adoptsUnrecorded = adoptsUnrecorded;
  }

  void keep(Tensor t) {
    kept.add(t);
  }

  /**
   * Takes note of a result the tape did not record, unless it shares its array with one of its op's
   * {@code inputs} (a {@code reshape} of a parameter) or the arena does not adopt such results.
   */
  void adoptUnrecorded(Tensor output, List<Tensor> inputs) {
    if (!adoptsUnrecorded) {
      return;
    }
    double[] array = output.storage().array();
    for (Tensor in : inputs) {
      if (in.storage().array() == array) {
        return;
      }
    }
    unrecorded.add(output);
  }

  /** Takes note of the saved tensors of a node a backward pass freed; they go back on close. */
  void adoptFreed(List<Tensor> saved) {
    freedSaved.addAll(saved);
  }

  /** How many unrecorded results are still reachable (for tests). */
  int liveUnrecorded() {
    return unrecorded.live().size();
  }

  /** How many unrecorded results the arena tracks, collected ones included (for tests). */
  int trackedUnrecorded() {
    return unrecorded.trackedCount();
  }

  /** Gives back and releases what the closing tape may give back; see the class comment. */
  void close(List<Node> nodes, Map<Tensor, Tensor> gradients) {
    kept.forEach(this::protect);
    for (Node node : nodes) {
      for (Tensor input : node.inputs()) {
        protectIfForeign(input);
      }
    }
    // a backward pass that crossed into another tape reached leaves that are no input here
    gradients.keySet().forEach(this::protectIfForeign);
    for (Node node : nodes) {
      node.release().forEach(this::giveBack);
      giveBack(node.output());
    }
    freedSaved.forEach(this::giveBack);
    gradients.values().forEach(this::giveBack);
    unrecorded.live().forEach(this::giveBack);
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
    if (storage.isReleased() || protectedArrays.contains(array)) {
      return;
    }
    storage.release();
    if (given.add(array)) {
      Workspace.give(array);
    }
  }
}
