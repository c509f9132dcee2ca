package dev.tapegrad.autograd;

import java.util.List;

/**
 * How a fused node expands into primitive ops: replays the composite's definition on the given
 * inputs (recording whatever tape is current), returning its output. Diagrams use it to draw a
 * fused node as its primitive graph, and tests use it to prove fused and composed forms agree.
 */
@FunctionalInterface
public interface Expansion {
  Tensor apply(List<Tensor> inputs);
}
