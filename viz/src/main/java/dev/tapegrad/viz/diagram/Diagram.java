package dev.tapegrad.viz.diagram;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.io.AtomicFile;
import dev.tapegrad.viz.diagram.layout.DiagramLayout;
import dev.tapegrad.viz.diagram.layout.LayeredLayout;
import dev.tapegrad.viz.diagram.render.DotWriter;
import dev.tapegrad.viz.diagram.render.PngWriter;
import dev.tapegrad.viz.diagram.render.SvgWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The book's figure of a recorded computation: values above the edges, gradients (after a backward
 * pass) below them in red, scopes as clusters or collapsed into layer nodes.
 *
 * <pre>{@code
 * try (Tape tape = Tape.record()) {
 *   Tensor loss = net.loss(x, t);
 *   tape.backward(loss);
 *   Diagram.of(tape).level(Level.LAYER).writePng(Path.of("net.png"));
 * }
 * }</pre>
 *
 * <p>The graph is read from the tape when a result is asked for, so run the backward pass first to
 * see gradients. Scope names given to {@link #expand} and {@link #collapse} match a full path
 * ({@code TwoLayerNet/Affine1}) or its trailing segments ({@code Affine1}).
 */
public final class Diagram {
  private final Tape tape;
  private final Tensor output;
  private Level level = Level.OP;
  private final List<String> expanded = new ArrayList<>();
  private final List<String> collapsed = new ArrayList<>();
  private boolean expandFused;
  private boolean showParameters;

  private Diagram(Tape tape, Tensor output) {
    this.tape = checkNotNull(tape, "tape");
    this.output = output;
  }

  /** Every node recorded on {@code tape}. */
  public static Diagram of(Tape tape) {
    return new Diagram(tape, null);
  }

  /** Only the part of {@code tape} that {@code output} depends on. */
  public static Diagram of(Tape tape, Tensor output) {
    return new Diagram(tape, checkNotNull(output, "output"));
  }

  /** Op level (the default) or layer level. */
  public Diagram level(Level level) {
    this.level = checkNotNull(level, "level");
    return this;
  }

  /** At layer level, draws these scopes' ops instead of one node each (a mixed view). */
  public Diagram expand(String... scopes) {
    expanded.addAll(List.of(scopes));
    return this;
  }

  /** Collapses these scopes into one node each, at any level. */
  public Diagram collapse(String... scopes) {
    collapsed.addAll(List.of(scopes));
    return this;
  }

  /**
   * Draws fused nodes (such as a fused sigmoid) as their primitive graph: the expansion is replayed
   * on copies of the inputs in a fresh tape and run backward with the fused node's gradient.
   */
  public Diagram expandFused() {
    this.expandFused = true;
    return this;
  }

  /**
   * Draws the parameters of collapsed layers as inputs of their layer node (they are hidden by
   * default, as in the book's layer figures).
   */
  public Diagram showParameters() {
    this.showParameters = true;
    return this;
  }

  /** The diagram's nodes and edges. */
  public DiagramGraph graph() {
    StepTrace trace = StepTrace.of(tape, output, expandFused);
    return new DiagramBuilder(
            trace, level, List.copyOf(expanded), List.copyOf(collapsed), showParameters)
        .build();
  }

  /** The diagram placed left to right, as the SVG and PNG sinks draw it. */
  public DiagramLayout layout() {
    return LayeredLayout.of(graph());
  }

  /** Graphviz DOT text (laid out by Graphviz when rendered with {@code dot}). */
  public String toDot() {
    return DotWriter.write(graph());
  }

  /** A standalone SVG document. */
  public String toSvg() {
    return SvgWriter.write(layout());
  }

  public void writeDot(Path path) throws IOException {
    AtomicFile.writeString(path, toDot());
  }

  public void writeSvg(Path path) throws IOException {
    AtomicFile.writeString(path, toSvg());
  }

  /** A PNG at one pixel per layout unit, rendered headless through GraphStream. */
  public void writePng(Path path) throws IOException {
    writePng(path, 1);
  }

  /** A PNG at {@code scale} pixels per layout unit (2 for a sharper image). */
  public void writePng(Path path, double scale) throws IOException {
    PngWriter.write(layout(), path, scale);
  }
}
