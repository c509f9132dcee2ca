package dev.tapegrad.examples.commands;

import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.DataOptions;
import dev.tapegrad.examples.cli.NetworkKind;
import dev.tapegrad.examples.cli.NetworkOptions;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.viz.diagram.Diagram;
import dev.tapegrad.viz.diagram.Level;
import dev.tapegrad.viz.diagram.ScopePaths;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Draws a network's recorded graph after one forward and backward pass on a few samples: layers (or
 * primitive ops) with the shapes of the values above the edges and of their gradients below.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description =
        "Chapters 5-8: a network's computational graph after one forward and backward pass"
            + " (layer or op level), as PNG, SVG or DOT in graph/<net>-<level>.<format>.")
public final class GraphCommand implements Callable<Integer>, ValidatedOptions {
  /** Widest PNG drawn at the sharper default scale of 2. */
  static final int SHARP_WIDTH = 4000;

  @Mixin private Outputs out;
  @Mixin private DataOptions data;
  @Mixin private NetworkOptions network;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      defaultValue = "layer",
      description =
          "layer (one node per layer) or op (every primitive op; layers drawn as boxes)"
              + " (default: ${DEFAULT-VALUE}).")
  private String levelText;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "png",
      description = "png, svg or dot (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(
      names = "--expand",
      paramLabel = "SCOPE",
      split = ",",
      description =
          "At layer level, draw these layers' ops (e.g. --expand Conv1,Pool1); the file name"
              + " gets -expand-Conv1-Pool1.")
  private List<String> expand = List.of();

  @Option(
      names = "--scale",
      paramLabel = "PX",
      description =
          "PNG pixels per layout unit (default: 2, or 1 when 2 would make the picture wider than "
              + SHARP_WIDTH
              + " px).")
  private Double scale;

  @Option(
      names = "--max-width",
      paramLabel = "PX",
      defaultValue = "8000",
      description =
          "Refuse a PNG wider than this (default: ${DEFAULT-VALUE}). Every op of deep-conv is a"
              + " strip about 6,500 px wide, hard to read as one picture: draw it at layer level,"
              + " open chosen layers with --expand, or write SVG or DOT.")
  private int maxWidth;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Samples in the forward pass; only the shapes change (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Override
  public void validate() {
    parseLevel(levelText);
    if (!List.of("png", "svg", "dot").contains(format.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("unknown format '" + format + "'; choose png, svg or dot");
    }
    if (scale != null && !(scale > 0 && scale <= 8)) {
      throw new IllegalArgumentException("--scale must be in (0, 8], got " + scale);
    }
    Require.atLeast("--max-width", maxWidth, 1);
    Require.atLeast("--batch", batch, 1);
  }

  @Override
  public Integer call() throws IOException {
    Level level = parseLevel(levelText);
    String levelName = level.name().toLowerCase(Locale.ROOT);
    String extension = format.toLowerCase(Locale.ROOT);
    NetworkKind kind = network.kind();
    Dataset samples = data.first(data.load(kind.takesImages()).train(), batch, "--batch");
    Network net = network.create(0, false, 0);
    Tensor x = samples.images().named("x").requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor loss = net.loss(x, samples.labels()).named("loss");
      tape.backward(loss);
      requireScopes(tape);
      Diagram diagram = Diagram.of(tape, loss).level(level).expand(expand.toArray(String[]::new));
      String opened =
          expand.isEmpty() ? "" : "-expand-" + String.join("-", expand).replace('/', '_');
      String name = "graph/" + kind + "-" + levelName + opened + "." + extension;
      switch (extension) {
        case "png" -> {
          double pngScale = pngScale(diagram, net.name(), levelName);
          out.write(name, file -> diagram.writePng(file, pngScale));
        }
        case "svg" -> out.write(name, diagram::writeSvg);
        default -> out.write(name, diagram::writeDot);
      }
      System.out.printf(
          Locale.ROOT,
          "%s, %d samples, %s level: %d nodes recorded, loss %.6f%n",
          net.name(),
          batch,
          levelName,
          tape.nodes().size(),
          loss.item());
    }
    return 0;
  }

  /** The scale asked for, or 2 unless that is too wide; fails if the picture would be too wide. */
  private double pngScale(Diagram diagram, String netName, String levelName) {
    double width = diagram.layout().width();
    double chosen = scale != null ? scale : width * 2 <= SHARP_WIDTH ? 2 : 1;
    if (width * chosen > maxWidth) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the %s-level graph of %s would be %,.0f px wide (--max-width %d): draw it at layer level,"
                  + " open some layers with --level layer --expand Conv1,Pool1, write --format svg or dot,"
                  + " or raise --max-width",
              levelName,
              netName,
              width * chosen,
              maxWidth));
    }
    return chosen;
  }

  /** Fails if an {@code --expand} name matches no scope the pass recorded. */
  private void requireScopes(Tape tape) {
    Set<String> scopes = new TreeSet<>();
    for (Node node : tape.nodes()) {
      scopes.addAll(ScopePaths.prefixes(node.scope()));
    }
    for (String spec : expand) {
      if (scopes.stream().noneMatch(path -> ScopePaths.names(spec, path))) {
        throw new IllegalArgumentException(
            "--expand: no layer '"
                + spec
                + "'; the graph has "
                + scopes.stream().map(ScopePaths::name).distinct().toList());
      }
    }
  }

  private static Level parseLevel(String text) {
    for (Level l : Level.values()) {
      if (l.name().equalsIgnoreCase(text)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown level '" + text + "'; choose layer or op");
  }
}
