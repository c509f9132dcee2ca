package dev.tapegrad.viz.diagram.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.viz.diagram.BookGraphs;
import dev.tapegrad.viz.diagram.Diagram;
import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.Level;
import dev.tapegrad.viz.diagram.ScopePaths;
import dev.tapegrad.viz.diagram.render.SvgWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Layout invariants on the book's graphs and on seeded random scoped graphs: nothing overlaps
 * (labels, nodes, clusters and the nodes outside them), everything is on the canvas, and the same
 * graph always gives byte-identical output.
 */
class LayoutQualityTest {

  static Stream<Arguments> bookDiagrams() {
    return Stream.of(
        Arguments.of("apple", (Consumer<Tape>) BookGraphs::apple, Level.OP),
        Arguments.of("appleOrange", (Consumer<Tape>) BookGraphs::appleOrange, Level.OP),
        Arguments.of("sigmoid", (Consumer<Tape>) t -> BookGraphs.sigmoid(t, 1.0), Level.OP),
        Arguments.of("affine", (Consumer<Tape>) BookGraphs::affine, Level.OP),
        Arguments.of(
            "softmax",
            (Consumer<Tape>)
                t ->
                    BookGraphs.softmaxWithLoss(
                        t, new double[] {0.3, 2.9, 4.0}, new double[] {0, 0, 1}),
            Level.OP),
        Arguments.of("twoLayerNet", (Consumer<Tape>) BookGraphs::twoLayerNet, Level.OP),
        Arguments.of("twoLayerNet", (Consumer<Tape>) BookGraphs::twoLayerNet, Level.LAYER),
        Arguments.of("simpleConvNet", (Consumer<Tape>) BookGraphs::simpleConvNet, Level.OP),
        Arguments.of("simpleConvNet", (Consumer<Tape>) BookGraphs::simpleConvNet, Level.LAYER));
  }

  @ParameterizedTest(name = "{0} at {2} level")
  @MethodSource("bookDiagrams")
  void bookDiagramsHaveNoOverlaps(String name, Consumer<Tape> build, Level level) {
    Tape tape = Tape.record();
    try {
      build.accept(tape);
    } finally {
      tape.close();
    }
    assertClean(Diagram.of(tape).level(level).graph(), true);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void randomScopedGraphsHaveNoOverlapsAtEveryLevel(long seed) {
    Tape tape = Tape.record();
    try {
      randomGraph(new SplittableRandom(seed), tape);
    } finally {
      tape.close();
    }
    assertClean(Diagram.of(tape).graph(), false);
    assertClean(Diagram.of(tape).level(Level.LAYER).graph(), false);
  }

  /**
   * A random DAG recorded the way a network records: 2 to 7 layers inside one model scope, some
   * with a nested scope, of 1 to 6 ops over scalars that take values from anywhere before them.
   */
  static void randomGraph(SplittableRandom rng, Tape tape) {
    List<Tensor> values = new ArrayList<>();
    values.add(Tensor.scalar(1.5).named("x").requiresGrad());
    int blocks = 2 + rng.nextInt(6);
    for (int block = 0; block < blocks; block++) {
      List<Tape.Scope> opened = new ArrayList<>();
      opened.add(Tape.scope("Net"));
      opened.add(Tape.scope("Layer" + block));
      if (rng.nextInt(3) == 0) {
        opened.add(Tape.scope("Inner"));
      }
      int ops = 1 + rng.nextInt(6);
      for (int i = 0; i < ops; i++) {
        Tensor a = values.get(values.size() - 1 - rng.nextInt(Math.min(3, values.size())));
        Tensor b =
            rng.nextInt(3) == 0
                ? Tensor.scalar(rng.nextInt(9) + 1).named("p" + block + i).requiresGrad()
                : values.get(rng.nextInt(values.size()));
        values.add(
            switch (rng.nextInt(5)) {
              case 0 -> a.add(b);
              case 1 -> a.mul(b);
              case 2 -> a.sub(b);
              case 3 -> a.mul(0.5);
              default -> a.pow(2);
            });
      }
      for (int k = opened.size() - 1; k >= 0; k--) {
        opened.get(k).close();
      }
    }
    tape.backward(values.get(values.size() - 1));
  }

  /**
   * Asserts the layout invariants; cluster boxes are checked for the book's graphs, where each
   * layer's values flow forward, not for random graphs whose scopes can reach back and forth.
   */
  static void assertClean(DiagramGraph graph, boolean checkClusters) {
    DiagramLayout layout = LayeredLayout.of(graph);
    assertEquals(
        SvgWriter.write(layout), SvgWriter.write(LayeredLayout.of(graph)), "deterministic");
    List<TextBox> labels = new ArrayList<>();
    for (EdgeRoute route : layout.edges()) {
      if (route.value() != null) {
        labels.add(route.value());
      }
      if (route.gradient() != null) {
        labels.add(route.gradient());
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      TextBox a = labels.get(i);
      assertInside(layout, a.x() - a.width() / 2, a.y() - a.height() / 2, a.width(), a.height());
      for (int j = i + 1; j < labels.size(); j++) {
        TextBox b = labels.get(j);
        assertTrue(
            !a.overlaps(b.x(), b.y(), b.width(), b.height()), "labels overlap: " + a + " " + b);
      }
      for (NodeBox n : layout.nodes()) {
        assertTrue(
            !n.overlaps(a.x(), a.y(), a.width(), a.height()), "label on node: " + a + " " + n);
      }
    }
    for (int i = 0; i < layout.nodes().size(); i++) {
      NodeBox a = layout.nodes().get(i);
      assertInside(layout, a.x() - a.width() / 2, a.y() - a.height() / 2, a.width(), a.height());
      for (int j = i + 1; j < layout.nodes().size(); j++) {
        NodeBox b = layout.nodes().get(j);
        assertTrue(
            !a.overlaps(b.x(), b.y(), b.width(), b.height()), "nodes overlap: " + a + " " + b);
      }
      for (ClusterBox c : checkClusters ? layout.clusters() : List.<ClusterBox>of()) {
        if (!ScopePaths.within(a.node().scope(), c.scope())) {
          assertTrue(
              !a.overlaps(
                  c.left() + c.width() / 2, c.top() + c.height() / 2, c.width(), c.height()),
              "node " + a.node() + " inside foreign cluster " + c);
        }
      }
    }
    for (ClusterBox a : layout.clusters()) {
      assertInside(layout, a.left(), a.top(), a.width(), a.height());
      for (ClusterBox b : layout.clusters()) {
        boolean nested =
            ScopePaths.within(a.scope(), b.scope()) || ScopePaths.within(b.scope(), a.scope());
        boolean apart =
            a.left() + a.width() <= b.left()
                || b.left() + b.width() <= a.left()
                || a.top() + a.height() <= b.top()
                || b.top() + b.height() <= a.top();
        assertTrue(!checkClusters || nested || apart, "clusters overlap: " + a + " " + b);
      }
    }
  }

  private static void assertInside(
      DiagramLayout layout, double left, double top, double w, double h) {
    assertTrue(
        left >= 0 && top >= 0 && left + w <= layout.width() && top + h <= layout.height(),
        "outside the canvas: " + left + "," + top + " " + w + "x" + h);
  }
}
