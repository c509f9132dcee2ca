package dev.tapegrad.autograd;

import com.google.common.collect.ImmutableList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One backward pass: the chain rule applied from an output down to the leaves, latest node first,
 * so every node's output gradient is complete before it is used. The walk follows inputs into the
 * nodes that made them, on the tape that runs it or another, and visits only the nodes the output
 * depends on; gradients of a value that branched are added up.
 */
final class BackwardPass {
  private final Tape tape;
  private final boolean retain;
  private final boolean detectAnomalies;
  private final Map<Tensor, Tensor> gradients = new IdentityHashMap<>();

  /**
   * A pass run by {@code tape}; with {@code retain} it leaves every node's backward rule in place,
   * with {@code detectAnomalies} it checks every gradient it computes for NaN and infinity.
   */
  BackwardPass(Tape tape, boolean retain, boolean detectAnomalies) {
    this.tape = tape;
    this.retain = retain;
    this.detectAnomalies = detectAnomalies;
  }

  /**
   * Runs the pass from {@code output}, seeded with {@code seed}; returns every value's gradient.
   */
  Map<Tensor, Tensor> run(Tensor output, Tensor seed) {
    gradients.put(output, seed);
    Node last = output.creator();
    if (last == null) {
      return gradients;
    }
    PriorityQueue<Node> pending =
        new PriorityQueue<>(Comparator.comparingLong(Node::sequence).reversed());
    Set<Node> queued = Collections.newSetFromMap(new IdentityHashMap<>());
    pending.add(last);
    queued.add(last);
    while (!pending.isEmpty()) {
      Node node = pending.poll();
      propagate(node, gradients.get(node.output()));
      if (!retain) {
        node.tape().free(node);
      }
      for (Tensor input : node.inputs()) {
        Node creator = input.creator();
        if (creator != null && gradients.containsKey(input) && queued.add(creator)) {
          pending.add(creator);
        }
      }
    }
    return gradients;
  }

  private void propagate(Node node, Tensor gradOutput) {
    BackwardRule rule = node.backward();
    if (rule == null && node.tape() != tape && node.tape().isClosedWithArena()) {
      throw new IllegalStateException(
          "backward through "
              + node.describe()
              + ": it was recorded on a tape closed with"
              + " recycling(), which freed what its backward needs; compute it on this tape, or"
              + " use detach() to treat it as a constant");
    }
    if (rule == null) {
      throw new IllegalStateException(
          "backward through "
              + node.describe()
              + " a second time: its saved tensors were freed"
              + " by an earlier backward pass; pass GradOption.RETAIN_GRAPH to the first one");
    }
    Tensor[] inputGrads = rule.apply(gradOutput);
    ImmutableList<Tensor> inputs = node.inputs();
    for (int j = 0; j < inputs.size(); j++) {
      Tensor x = inputs.get(j);
      Tensor g = inputGrads[j];
      if (g == null || !x.needsGrad()) {
        continue;
      }
      if (detectAnomalies && !g.isFinite()) {
        throw new AnomalyException(
            "backward of " + node.describe() + " produced a non-finite gradient for input " + j,
            node);
      }
      gradients.merge(x, g, Tensor::add);
    }
  }
}
