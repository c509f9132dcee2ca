package dev.tapegrad.bench;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.viz.diagram.Diagram;
import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.layout.DiagramLayout;
import dev.tapegrad.viz.diagram.layout.LayeredLayout;
import dev.tapegrad.viz.diagram.render.DotWriter;
import dev.tapegrad.viz.diagram.render.PngWriter;
import dev.tapegrad.viz.diagram.render.SvgWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times layout and rendering of a graph of about 2,000 nodes: a long chain in 20 scopes with a
 * branch every few steps. A manual measurement (run its main), not a test.
 */
public final class DiagramBenchmark {
  private DiagramBenchmark() {}

  /** Builds, lays out and renders the graph three times; {@code args[0]}: links (default 600). */
  @SuppressWarnings("try") // each open scope names the nodes recorded in it
  public static void main(String[] args) throws Exception {
    int links = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    Tape tape = Tape.record();
    try {
      Tensor v = Tensor.scalar(0.5).named("x").requiresGrad();
      for (int i = 0; i < links; i++) {
        try (Tape.Scope s = Tape.scope("Block" + (i * 20 / links))) {
          Tensor side = v.mul(Tensor.scalar(1.001).named("w" + i).requiresGrad());
          v = i % 3 == 0 ? v.add(side.exp().mul(0.001)) : side.add(0.01);
        }
      }
      tape.backward(v);
    } finally {
      tape.close();
    }
    Path dir = Files.createTempDirectory("diagram-bench");
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      DiagramGraph graph = Diagram.of(tape).graph();
      long t1 = System.nanoTime();
      DiagramLayout layout = LayeredLayout.of(graph);
      long t2 = System.nanoTime();
      String svg = SvgWriter.write(layout);
      String dot = DotWriter.write(graph);
      long t3 = System.nanoTime();
      double scale = Math.min(1, 8000 / Math.max(layout.width(), layout.height()));
      PngWriter.write(layout, dir.resolve("bench.png"), scale);
      long t4 = System.nanoTime();
      System.out.printf(
          "run %d: %d nodes, %d edges, %.0fx%.0f; model %.0f ms, layout %.0f ms, svg+dot %.0f ms"
              + " (%d KB), png %.0f ms; layout+svg %.2f s%n",
          run,
          graph.nodes().size(),
          graph.edges().size(),
          layout.width(),
          layout.height(),
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          (t3 - t2) / 1e6,
          (svg.length() + dot.length()) / 1024,
          (t4 - t3) / 1e6,
          (t3 - t1) / 1e9);
    }
  }
}
