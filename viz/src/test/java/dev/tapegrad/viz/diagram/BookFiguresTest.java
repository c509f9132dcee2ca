package dev.tapegrad.viz.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The chapter 5 and 7 figures and Appendix A, built from raw ops: each is checked in the model, and
 * in the SVG and DOT output read back (labels, edges, clusters), at op and layer level.
 */
class BookFiguresTest {

  private static Tape recorded(Consumer<Tape> build) {
    Tape tape = Tape.record();
    try {
      build.accept(tape);
    } finally {
      tape.close();
    }
    return tape;
  }

  /** The SVG and DOT of the diagram, read back. */
  private static List<Rendered> rendered(Diagram d) {
    return List.of(Rendered.fromSvg(d.toSvg()), Rendered.fromDot(d.toDot()));
  }

  private static List<String> texts(Rendered.Edge e) {
    return List.of(e.value(), e.gradient());
  }

  private static List<String> sorted(List<String> labels) {
    List<String> copy = new ArrayList<>(labels);
    Collections.sort(copy);
    return copy;
  }

  private static List<String> labelsOf(DiagramGraph g, NodeKind kind) {
    return g.nodes().stream().filter(n -> n.kind() == kind).map(DiagramNode::label).toList();
  }

  @Test
  void sigmoidExpandedIsTheBooksFourNodeChain() {
    Diagram d = Diagram.of(recorded(tape -> BookGraphs.sigmoid(tape, 1.0)));
    assertEquals(List.of("×", "exp", "+", "/"), labelsOf(d.graph(), NodeKind.OP));
    for (Rendered r : rendered(d)) {
      // sigmoid(1) = 0.7310586; dy/dx = y(1-y) = 0.1966119; -y² = -0.5344466; e^-1 = 0.3678794.
      assertEquals(List.of("1", "0.1966"), texts(r.edge("x", "×")));
      assertEquals(List.of("", ""), texts(r.edge("-1", "×")));
      assertEquals(List.of("-1", "-0.1966"), texts(r.edge("×", "exp")));
      assertEquals(List.of("0.3679", "-0.5344"), texts(r.edge("exp", "+")));
      assertEquals(List.of("1.368", "-0.5344"), texts(r.edge("+", "/")));
      assertEquals(List.of("0.7311", "1"), texts(r.edge("/", "y")));
      assertEquals(List.of("Sigmoid"), r.clusters());
    }
  }

  @Test
  void sigmoidCollapsedIsOneNodeWithTheSameEnds() {
    Diagram d = Diagram.of(recorded(tape -> BookGraphs.sigmoid(tape, 1.0))).level(Level.LAYER);
    DiagramGraph g = d.graph();
    assertEquals(List.of("Sigmoid"), labelsOf(g, NodeKind.LAYER));
    assertEquals(List.of(), labelsOf(g, NodeKind.OP));
    assertEquals(List.of("x"), labelsOf(g, NodeKind.INPUT), "constants -1 and 1 are hidden");
    for (Rendered r : rendered(d)) {
      assertEquals(2, r.edges().size());
      assertEquals(List.of("1", "0.1966"), texts(r.edge("x", "Sigmoid")));
      assertEquals(List.of("0.7311", "1"), texts(r.edge("Sigmoid", "y")));
      assertEquals(List.of(), r.clusters());
    }
  }

  @Test
  void affineShowsShapesForwardAndBackward() {
    Diagram d = Diagram.of(recorded(BookGraphs::affine));
    for (Rendered r : rendered(d)) {
      assertEquals(List.of("(2,2)", "(2,2)"), texts(r.edge("X", "dot")));
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("W", "dot")));
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("dot", "+")));
      assertEquals(List.of("(3,)", "(3,)"), texts(r.edge("B", "+")));
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("+", "Y")));
      assertEquals(List.of("Affine"), r.clusters());
    }
  }

  @Test
  void fusedAffineIsOneNodeWithTheSameEnds() {
    Diagram d = Diagram.of(recorded(BookGraphs::fusedAffine));
    assertEquals(List.of("affine"), labelsOf(d.graph(), NodeKind.OP));
    for (Rendered r : rendered(d)) {
      assertEquals(4, r.edges().size());
      assertEquals(List.of("(2,2)", "(2,2)"), texts(r.edge("X", "affine")));
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("W", "affine")));
      assertEquals(List.of("(3,)", "(3,)"), texts(r.edge("B", "affine")));
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("affine", "Y")));
      assertEquals(List.of("Affine"), r.clusters());
    }
  }

  @Test
  void fusedAffineExpandedIsFigure5_27DotThenPlus() {
    Diagram expanded = Diagram.of(recorded(BookGraphs::fusedAffine)).expandFused();
    Diagram composed = Diagram.of(recorded(BookGraphs::affine));
    assertEquals(List.of("dot", "+"), labelsOf(expanded.graph(), NodeKind.OP));
    assertEquals(composed.graph().nodes(), expanded.graph().nodes());
    assertEquals(composed.graph().edges(), expanded.graph().edges(), "values and gradients");
  }

  private static Tape softmaxWithLoss() {
    return recorded(
        tape ->
            BookGraphs.softmaxWithLoss(tape, new double[] {0.3, 2.9, 4.0}, new double[] {0, 0, 1}));
  }

  @Test
  void softmaxWithLossExpandedIsAppendixA() {
    Diagram d = Diagram.of(softmaxWithLoss());
    DiagramGraph g = d.graph();
    assertEquals(
        sorted(List.of("exp", "sum", "/", "×", "log", "×", "sum", "×")),
        sorted(labelsOf(g, NodeKind.OP)));
    assertEquals(1, labelsOf(g, NodeKind.BRANCH).size(), "exp(a) goes to the sum and to ×");
    for (Rendered r : rendered(d)) {
      assertEquals(List.of("(1,3)", "(1,3)"), texts(r.edge("a", "exp")));
      // S = e^0.3 + e^2.9 + e^4 = 74.12216; 1/S = 0.01349125.
      assertEquals(List.of("74.12", "0.01349"), texts(r.edge("sum", "/")));
      assertEquals("0.01349", r.edge("/", "×").value());
      assertEquals(List.of("(1,3)", ""), texts(r.edge("t", "×")));
      // L = -log(e^4 / S) = 0.3057322.
      assertEquals(List.of("0.3057", "1"), texts(r.edge("×", "L")));
      assertEquals(List.of("SoftmaxWithLoss"), r.clusters());
    }
  }

  @Test
  void softmaxWithLossCollapsedTakesScoresAndLabels() {
    Diagram d = Diagram.of(softmaxWithLoss()).level(Level.LAYER);
    for (Rendered r : rendered(d)) {
      assertEquals(3, r.edges().size());
      assertEquals(List.of("(1,3)", "(1,3)"), texts(r.edge("a", "SoftmaxWithLoss")));
      assertEquals(List.of("(1,3)", ""), texts(r.edge("t", "SoftmaxWithLoss")));
      assertEquals(List.of("0.3057", "1"), texts(r.edge("SoftmaxWithLoss", "L")));
    }
  }

  private static final List<String> TWO_LAYER_NET =
      List.of("Affine1", "Relu1", "Affine2", "SoftmaxWithLoss");

  @Test
  void twoLayerNetAtLayerLevelIsAChainOfFourLayers() {
    Diagram d = Diagram.of(recorded(BookGraphs::twoLayerNet)).level(Level.LAYER);
    assertEquals(TWO_LAYER_NET, labelsOf(d.graph(), NodeKind.LAYER));
    assertEquals(List.of("x", "t"), labelsOf(d.graph(), NodeKind.INPUT), "parameters hidden");
    for (Rendered r : rendered(d)) {
      assertEquals(6, r.edges().size());
      assertEquals(List.of("(2,4)", ""), texts(r.edge("x", "Affine1")));
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("Affine1", "Relu1")));
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("Relu1", "Affine2")));
      assertEquals(List.of("(2,2)", "(2,2)"), texts(r.edge("Affine2", "SoftmaxWithLoss")));
      assertEquals(List.of("(2,2)", ""), texts(r.edge("t", "SoftmaxWithLoss")));
      assertEquals("1", r.edge("SoftmaxWithLoss", "loss").gradient());
      assertEquals(List.of("TwoLayerNet"), r.clusters());
    }
  }

  @Test
  void twoLayerNetParametersCanBeShownAsLayerInputs() {
    Diagram d = Diagram.of(recorded(BookGraphs::twoLayerNet)).level(Level.LAYER).showParameters();
    Rendered r = Rendered.fromSvg(d.toSvg());
    assertEquals(10, r.edges().size());
    assertEquals(List.of("(4,3)", "(4,3)"), texts(r.edge("W1", "Affine1")));
    assertEquals(List.of("(2,)", "(2,)"), texts(r.edge("b2", "Affine2")));
  }

  @Test
  void twoLayerNetAtOpLevelHasEveryPrimitiveInItsCluster() {
    Diagram d = Diagram.of(recorded(BookGraphs::twoLayerNet));
    DiagramGraph g = d.graph();
    assertEquals(13, labelsOf(g, NodeKind.OP).size());
    List<String> clusters =
        List.of(
            "TwoLayerNet",
            "TwoLayerNet/Affine1",
            "TwoLayerNet/Relu1",
            "TwoLayerNet/Affine2",
            "TwoLayerNet/SoftmaxWithLoss");
    assertEquals(clusters, g.clusters());
    for (Rendered r : rendered(d)) {
      assertEquals(clusters, r.clusters());
      assertEquals(List.of("(4,3)", "(4,3)"), texts(r.edge("W1", "dot")));
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("relu", "dot")));
    }
  }

  @Test
  void twoLayerNetMixedOpensOnlyTheChosenLayer() {
    Diagram d = Diagram.of(recorded(BookGraphs::twoLayerNet)).level(Level.LAYER).expand("Affine1");
    DiagramGraph g = d.graph();
    assertEquals(List.of("Relu1", "Affine2", "SoftmaxWithLoss"), labelsOf(g, NodeKind.LAYER));
    assertEquals(List.of("dot", "+"), labelsOf(g, NodeKind.OP));
    assertEquals(List.of("TwoLayerNet", "TwoLayerNet/Affine1"), g.clusters());
    for (Rendered r : rendered(d)) {
      assertEquals(List.of("(2,3)", "(2,3)"), texts(r.edge("+", "Relu1")));
    }
  }

  @Test
  void twoLayerNetCollapsedFromOpLevelByName() {
    Diagram d = Diagram.of(recorded(BookGraphs::twoLayerNet)).collapse("SoftmaxWithLoss");
    assertEquals(List.of("SoftmaxWithLoss"), labelsOf(d.graph(), NodeKind.LAYER));
    assertEquals(5, labelsOf(d.graph(), NodeKind.OP).size());
  }

  private static final List<String> SIMPLE_CONV_NET =
      List.of("Conv1", "Relu1", "Pool1", "Affine1", "Relu2", "Affine2", "SoftmaxWithLoss");

  @Test
  void simpleConvNetAtLayerLevelIsFigure7_23() {
    Diagram d = Diagram.of(recorded(BookGraphs::simpleConvNet)).level(Level.LAYER);
    assertEquals(SIMPLE_CONV_NET, labelsOf(d.graph(), NodeKind.LAYER));
    for (Rendered r : rendered(d)) {
      assertEquals(9, r.edges().size());
      assertEquals(List.of("(2,1,6,6)", "(2,1,6,6)"), texts(r.edge("x", "Conv1")));
      assertEquals(List.of("(2,3,4,4)", "(2,3,4,4)"), texts(r.edge("Conv1", "Relu1")));
      assertEquals(List.of("(2,3,4,4)", "(2,3,4,4)"), texts(r.edge("Relu1", "Pool1")));
      assertEquals(List.of("(2,3,2,2)", "(2,3,2,2)"), texts(r.edge("Pool1", "Affine1")));
      assertEquals(List.of("(2,5)", "(2,5)"), texts(r.edge("Affine1", "Relu2")));
      assertEquals(List.of("(2,2)", "(2,2)"), texts(r.edge("Affine2", "SoftmaxWithLoss")));
      assertEquals(List.of("SimpleConvNet"), r.clusters());
    }
  }

  @Test
  void simpleConvNetWithConv1ExpandedShowsIm2colGemmBiasAndLayout() {
    Diagram d = Diagram.of(recorded(BookGraphs::simpleConvNet)).level(Level.LAYER).expand("Conv1");
    DiagramGraph g = d.graph();
    assertEquals(
        List.of("im2col", "reshape", "transpose", "dot", "+", "reshape", "transpose"),
        labelsOf(g, NodeKind.OP));
    assertEquals(SIMPLE_CONV_NET.subList(1, 7), labelsOf(g, NodeKind.LAYER));
    for (Rendered r : rendered(d)) {
      assertEquals(List.of("(2,1,6,6)", "(2,1,6,6)"), texts(r.edge("x", "im2col")));
      assertEquals(List.of("(32,9)", "(32,9)"), texts(r.edge("im2col", "dot")));
      assertEquals(List.of("(3,1,3,3)", "(3,1,3,3)"), texts(r.edge("W1", "reshape")));
      assertEquals(List.of("(32,3)", "(32,3)"), texts(r.edge("dot", "+")));
      assertEquals(List.of("(2,3,4,4)", "(2,3,4,4)"), texts(r.edge("transpose", "Relu1")));
      assertTrue(r.clusters().contains("SimpleConvNet/Conv1"));
    }
  }

  @Test
  void simpleConvNetAtOpLevelHasAClusterPerLayer() {
    DiagramGraph g = Diagram.of(recorded(BookGraphs::simpleConvNet)).graph();
    List<String> expected = new ArrayList<>(List.of("SimpleConvNet"));
    SIMPLE_CONV_NET.forEach(layer -> expected.add("SimpleConvNet/" + layer));
    assertEquals(expected, g.clusters());
    assertEquals(labelsOf(g, NodeKind.OP).stream().filter("max"::equals).count(), 1);
  }

  @Test
  void diagramOfOneOutputLeavesOutUnrelatedNodes() {
    Tape tape = Tape.record();
    dev.tapegrad.autograd.Tensor price;
    try {
      price = BookGraphs.apple(tape);
      dev.tapegrad.autograd.Tensor.scalar(3).requiresGrad().exp();
    } finally {
      tape.close();
    }
    assertEquals(
        3, Diagram.of(tape).graph().nodes().stream().filter(n -> n.kind() == NodeKind.OP).count());
    assertEquals(List.of("×", "×"), labelsOf(Diagram.of(tape, price).graph(), NodeKind.OP));
  }

  @Test
  void expandAndCollapseAcceptFullPathsToo() {
    UnaryOperator<Diagram> byPath = d -> d.level(Level.LAYER).expand("TwoLayerNet/Affine1");
    UnaryOperator<Diagram> byName = d -> d.level(Level.LAYER).expand("Affine1");
    Tape tape = recorded(BookGraphs::twoLayerNet);
    assertEquals(
        byName.apply(Diagram.of(tape)).graph().nodes(),
        byPath.apply(Diagram.of(tape)).graph().nodes());
  }
}
