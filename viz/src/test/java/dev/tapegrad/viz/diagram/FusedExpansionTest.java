package dev.tapegrad.viz.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fused nodes drawn as one node, or expanded into the primitives they stand for. */
class FusedExpansionTest {

  /** A sigmoid recorded as one node with the analytic backward y(1-y). */
  private static Tensor fusedSigmoid(Tensor x) {
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = 1 / (1 + Math.exp(-x.data()[i]));
    }
    Tensor y = Tensor.wrap(out, x.shape());
    return Op.named("sigmoid")
        .inputs(x)
        .expansion(inputs -> BookGraphs.sigmoidOf(inputs.get(0)))
        .record(y, gy -> new Tensor[] {gy.mul(y.mul(y.neg().add(1)))});
  }

  private static Tape fused(double x) {
    Tape tape = Tape.record();
    try {
      Tensor in = Tensor.scalar(x).named("x").requiresGrad();
      Tensor y;
      try (Tape.Scope s = Tape.scope("Sigmoid")) {
        y = fusedSigmoid(in).named("y");
      }
      tape.backward(y);
    } finally {
      tape.close();
    }
    return tape;
  }

  private static Tape composed(double x) {
    Tape tape = Tape.record();
    try {
      BookGraphs.sigmoid(tape, x);
    } finally {
      tape.close();
    }
    return tape;
  }

  @Test
  void fusedNodeIsOneOpUnlessExpanded() {
    DiagramGraph g = Diagram.of(fused(1.0)).graph();
    assertEquals(
        List.of("sigmoid"),
        g.nodes().stream().filter(n -> n.kind() == NodeKind.OP).map(DiagramNode::label).toList());
    Rendered r = Rendered.fromSvg(Diagram.of(fused(1.0)).toSvg());
    Rendered.Edge in = r.edge("x", "sigmoid");
    assertEquals(List.of("1", "0.1966"), List.of(in.value(), in.gradient()));
  }

  @Test
  void expandedFusedNodeEqualsTheComposedGraphWithItsGradients() {
    for (double x : new double[] {-2.0, 0.0, 1.0, 3.5}) {
      DiagramGraph expanded = Diagram.of(fused(x)).expandFused().graph();
      DiagramGraph composed = Diagram.of(composed(x)).graph();
      assertEquals(composed.nodes(), expanded.nodes(), "nodes at x=" + x);
      assertEquals(composed.edges(), expanded.edges(), "values and gradients at x=" + x);
    }
  }

  @Test
  void expansionLeavesTheUserTapeAndLeavesUntouched() {
    Tape tape = fused(1.0);
    int before = tape.nodes().size();
    Tensor x = tape.nodes().get(0).inputs().get(0);
    Tensor grad = x.grad();
    Diagram.of(tape).expandFused().graph();
    assertEquals(before, tape.nodes().size());
    assertTrue(grad == x.grad(), "the leaf's gradient is not accumulated again");
  }

  @Test
  void outputFromAnotherTapeIsRejected() {
    Tape first = composed(1.0);
    Tape other = Tape.record();
    Tensor y;
    try {
      y = Tensor.scalar(2).named("z").requiresGrad().exp();
    } finally {
      other.close();
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Diagram.of(first, y).graph());
    assertTrue(e.getMessage().contains("not recorded on this tape"), e.getMessage());
  }
}
