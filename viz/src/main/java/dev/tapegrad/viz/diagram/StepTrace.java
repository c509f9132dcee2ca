package dev.tapegrad.viz.diagram;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.autograd.Expansion;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of a recorded graph in recording order, with the gradient of every value the last
 * backward pass reached. Fused nodes are, on request, replaced by their primitive graph: the
 * expansion is replayed on fresh copies of the inputs inside a new tape, run backward with the
 * fused node's upstream gradient as seed, and spliced in (the copies and the replayed output stand
 * for the original tensors).
 */
final class StepTrace {
  /** Fused nodes inside expansions are expanded too, down to this depth. */
  private static final int MAX_EXPANSION_DEPTH = 8;

  private final boolean expandFused;
  private final List<Step> steps = new ArrayList<>();
  private final Map<Tensor, Tensor> gradients = new IdentityHashMap<>();

  private StepTrace(boolean expandFused) {
    this.expandFused = expandFused;
  }

  /**
   * The steps of {@code tape}, only those {@code output} depends on when it is not {@code null}.
   */
  static StepTrace of(Tape tape, Tensor output, boolean expandFused) {
    StepTrace trace = new StepTrace(expandFused);
    for (Node node : selected(tape, output)) {
      trace.add(node, tape, Map.of(), 0);
    }
    return trace;
  }

  List<Step> steps() {
    return steps;
  }

  /** The gradient of {@code t} from the last backward pass, or {@code null}. */
  Tensor gradientOf(Tensor t) {
    return gradients.get(t);
  }

  private static List<Node> selected(Tape tape, Tensor output) {
    List<Node> nodes = tape.nodes();
    if (output == null) {
      return nodes;
    }
    Node last = output.creator();
    if (last == null || last.tape() != tape) {
      throw new IllegalArgumentException(
          "diagram: the output tensor"
              + (output.name() == null ? "" : " '" + output.name() + "'")
              + " was not recorded on this tape");
    }
    Set<Tensor> needed = Collections.newSetFromMap(new IdentityHashMap<>());
    needed.add(output);
    Deque<Node> kept = new ArrayDeque<>();
    for (int i = last.index(); i >= 0; i--) {
      Node node = nodes.get(i);
      if (needed.contains(node.output())) {
        kept.addFirst(node);
        needed.addAll(node.inputs());
      }
    }
    return List.copyOf(kept);
  }

  /**
   * Adds {@code node} of {@code owner}; {@code substitution} maps tensors of a replay to the
   * tensors they stand for.
   */
  private void add(Node node, Tape owner, Map<Tensor, Tensor> substitution, int depth) {
    for (Tensor input : node.inputs()) {
      noteGradient(input, owner, substitution);
    }
    noteGradient(node.output(), owner, substitution);
    if (expandFused
        && depth < MAX_EXPANSION_DEPTH
        && node.expansion().isPresent()
        && replay(node, node.expansion().get(), substitution, depth)) {
      return;
    }
    ImmutableList.Builder<Tensor> inputs = ImmutableList.builder();
    for (Tensor input : node.inputs()) {
      inputs.add(substitution.getOrDefault(input, input));
    }
    steps.add(
        new Step(
            node.op(),
            node.attributes(),
            inputs.build(),
            substitution.getOrDefault(node.output(), node.output()),
            node.scope()));
  }

  private void noteGradient(Tensor t, Tape owner, Map<Tensor, Tensor> substitution) {
    if (substitution.containsKey(t) || gradients.containsKey(t)) {
      return;
    }
    Tensor g = owner.gradOf(t);
    if (g == null && t.creator() == null) {
      g = t.grad();
    }
    if (g != null) {
      gradients.put(t, g);
    }
  }

  /** Splices in the primitive graph of a fused node; false if the replay recorded nothing. */
  private boolean replay(
      Node node, Expansion expansion, Map<Tensor, Tensor> substitution, int depth) {
    Map<Tensor, Tensor> inner = new IdentityHashMap<>();
    List<Tensor> copies = new ArrayList<>();
    for (Tensor input : node.inputs()) {
      Tensor copy = Tensor.of(input.data(), input.shape()).named(input.name());
      copy.requiresGrad(input.needsGrad());
      copies.add(copy);
      inner.put(copy, substitution.getOrDefault(input, input));
    }
    Tensor original = substitution.getOrDefault(node.output(), node.output());
    try (Tape replay = Tape.record()) {
      Tensor out = withScope(node.scope(), () -> expansion.apply(copies));
      if (out.creator() == null || out.creator().tape() != replay) {
        return false;
      }
      Tensor seed = gradients.get(original);
      if (seed != null) {
        replay.backward(out, seed);
      }
      inner.put(out, original);
      for (Node primitive : replay.nodes()) {
        add(primitive, replay, inner, depth + 1);
      }
    }
    return true;
  }

  /** Runs {@code body} with {@code scope}'s segments opened on the current tape. */
  private static Tensor withScope(String scope, java.util.function.Supplier<Tensor> body) {
    List<String> segments = scope.isEmpty() ? List.of() : List.of(scope.split("/"));
    List<Tape.Scope> opened = new ArrayList<>();
    try {
      for (String segment : segments) {
        opened.add(Tape.scope(segment));
      }
      return body.get();
    } finally {
      for (int i = opened.size() - 1; i >= 0; i--) {
        opened.get(i).close();
      }
    }
  }
}
