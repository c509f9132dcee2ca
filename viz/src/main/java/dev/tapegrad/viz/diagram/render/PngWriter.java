package dev.tapegrad.viz.diagram.render;

import dev.tapegrad.autograd.io.AtomicFile;
import dev.tapegrad.viz.diagram.layout.ClusterBox;
import dev.tapegrad.viz.diagram.layout.DiagramLayout;
import dev.tapegrad.viz.diagram.layout.EdgeRoute;
import dev.tapegrad.viz.diagram.layout.NodeBox;
import dev.tapegrad.viz.diagram.layout.Point;
import dev.tapegrad.viz.diagram.layout.TextBox;
import java.io.IOException;
import java.nio.file.Path;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.MultiGraph;
import org.graphstream.stream.file.FileSinkImages;
import org.graphstream.ui.spriteManager.Sprite;
import org.graphstream.ui.spriteManager.SpriteManager;
import org.graphstream.ui.swing.util.SwingFileSinkImages;

/**
 * Renders a {@link DiagramLayout} to PNG through GraphStream's Swing renderer, headless (no
 * display, no Graphviz). Every node sits where the layout put it (no automatic layout), the view is
 * fixed to the layout's canvas so one layout unit is {@code scale} pixels; clusters and the labels
 * above and below edges are sprites at the layout's positions.
 */
public final class PngWriter {
  /** Largest image side, in pixels. */
  public static final int MAX_SIDE = 16_384;

  /** Largest image area, in pixels. */
  public static final long MAX_PIXELS = 64_000_000L;

  private static final Object RENDER_LOCK = new Object();

  /** GraphStream logs a progress line per image at INFO; kept here so the setting sticks. */
  private static final java.util.logging.Logger SINK_LOG =
      java.util.logging.Logger.getLogger(FileSinkImages.class.getName());

  static {
    SINK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private PngWriter() {}

  /**
   * Writes {@code layout} to {@code path}, {@code scale} pixels per layout unit; an image larger
   * than {@link #MAX_SIDE} a side or {@link #MAX_PIXELS} in all is refused.
   */
  public static void write(DiagramLayout layout, Path path, double scale) throws IOException {
    if (!(scale > 0 && scale <= 8)) {
      throw new IllegalArgumentException("png: scale must be in (0, 8], got " + scale);
    }
    int width = (int) Math.ceil(layout.width() * scale);
    int height = (int) Math.ceil(layout.height() * scale);
    if ((long) width * height > MAX_PIXELS || Math.max(width, height) > MAX_SIDE) {
      throw new IllegalArgumentException(
          "png: a "
              + width
              + "x"
              + height
              + " image is too large (at most "
              + MAX_SIDE
              + " pixels a side and "
              + MAX_PIXELS / 1_000_000
              + " megapixels); use a smaller"
              + " scale, draw at layer level, or write SVG");
    }
    Graph graph = toGraph(layout, scale);
    AtomicFile.writeFile(
        path,
        file -> {
          synchronized (RENDER_LOCK) {
            System.setProperty("java.awt.headless", "true");
            System.setProperty("org.graphstream.ui", "swing");
            SwingFileSinkImages sink =
                new SwingFileSinkImages(FileSinkImages.OutputType.PNG, resolution(width, height));
            sink.setLayoutPolicy(FileSinkImages.LayoutPolicy.NO_LAYOUT);
            sink.setQuality(FileSinkImages.Quality.HIGH);
            sink.setAutofit(false);
            sink.setGraphViewport(0, 0, layout.width() * scale, layout.height() * scale);
            sink.setViewCenter(layout.width() * scale / 2, layout.height() * scale / 2);
            sink.setViewPercent(1);
            sink.writeAll(graph, file.toString());
          }
        });
  }

  private static org.graphstream.stream.file.images.Resolution resolution(int width, int height) {
    return new org.graphstream.stream.file.images.Resolution() {
      @Override
      public int getWidth() {
        return width;
      }

      @Override
      public int getHeight() {
        return height;
      }
    };
  }

  private static Graph toGraph(DiagramLayout layout, double scale) {
    Graph graph = new MultiGraph("diagram", false, true);
    double h = layout.height();
    graph.setAttribute("ui.stylesheet", stylesheet(scale));
    graph.setAttribute("ui.quality");
    graph.setAttribute("ui.antialias");
    SpriteManager sprites = new SpriteManager(graph);
    int count = 0;
    for (ClusterBox c : layout.clusters()) {
      Node box = graph.addNode("cluster " + count++);
      box.setAttribute(
          "xyz", (c.left() + c.width() / 2) * scale, (h - c.top() - c.height() / 2) * scale, 0);
      box.setAttribute("ui.class", "cluster");
      int depth = Math.min(4, dev.tapegrad.viz.diagram.ScopePaths.depth(c.scope()) - 1);
      box.setAttribute(
          "ui.style",
          "size: "
              + gu(c.width() * scale)
              + ", "
              + gu(c.height() * scale)
              + "; z-index: "
              + depth
              + ";");
      double titleWidth = dev.tapegrad.viz.diagram.layout.TextMetrics.width(c.title());
      label(
          sprites,
          "t" + count,
          "title",
          c.title(),
          c.left() + 8 + titleWidth / 2,
          c.top() + 3 + 8.5,
          h,
          scale);
    }
    for (NodeBox box : layout.nodes()) {
      Node node = graph.addNode(box.node().id());
      node.setAttribute("xyz", box.x() * scale, (h - box.y()) * scale, 0);
      node.setAttribute("ui.class", box.node().kind().name().toLowerCase(java.util.Locale.ROOT));
      node.setAttribute(
          "ui.style", "size: " + gu(box.width() * scale) + ", " + gu(box.height() * scale) + ";");
      if (!box.node().label().isEmpty()) {
        node.setAttribute("ui.label", box.node().label());
      }
    }
    int edges = 0;
    for (EdgeRoute route : layout.edges()) {
      String id = "e" + edges++;
      Edge edge = graph.addEdge(id, route.edge().from(), route.edge().to(), true);
      Object[] points = new Object[route.points().size() * 3];
      int k = 0;
      for (Point p : route.points()) {
        points[k++] = p.x() * scale;
        points[k++] = (h - p.y()) * scale;
        points[k++] = 0.0;
      }
      edge.setAttribute("ui.points", points);
      addText(sprites, id + "v", "value", route.value(), h, scale);
      addText(sprites, id + "g", "gradient", route.gradient(), h, scale);
    }
    return graph;
  }

  private static void addText(
      SpriteManager sprites, String id, String cls, TextBox box, double h, double scale) {
    if (box != null) {
      label(sprites, id, cls, box.text(), box.x(), box.y(), h, scale);
    }
  }

  private static void label(
      SpriteManager sprites,
      String id,
      String cls,
      String text,
      double x,
      double y,
      double h,
      double scale) {
    Sprite sprite = sprites.addSprite(id);
    sprite.setPosition(x * scale, (h - y) * scale, 0);
    sprite.setAttribute("ui.class", cls);
    sprite.setAttribute("ui.label", text);
  }

  private static String gu(double v) {
    return String.format(java.util.Locale.ROOT, "%.2fpx", v);
  }

  private static String stylesheet(double scale) {
    String font =
        "text-font: '"
            + DiagramStyle.FONT
            + "'; text-size: "
            + String.format(java.util.Locale.ROOT, "%.1f", 14 * scale)
            + ";";
    String stroke = String.format(java.util.Locale.ROOT, "%.2fpx", 1.3 * scale);
    return "graph { fill-color: white; padding: 0px; }"
        + "node { size-mode: normal; text-alignment: center; z-index: 7; "
        + font
        + " stroke-mode: plain; stroke-color: "
        + DiagramStyle.LINE_COLOR
        + "; stroke-width: "
        + stroke
        + "; fill-color: white; }"
        + "node.op { shape: circle; }"
        + "node.layer { shape: box; fill-color: "
        + DiagramStyle.LAYER_FILL
        + "; }"
        + "node.branch { shape: circle; fill-color: "
        + DiagramStyle.LINE_COLOR
        + "; }"
        + "node.input { shape: box; stroke-mode: none; fill-mode: none; }"
        + "node.output { shape: box; stroke-mode: none; fill-mode: none; }"
        + "edge { shape: polyline; fill-color: "
        + DiagramStyle.LINE_COLOR
        + "; size: "
        + stroke
        + "; arrow-shape: arrow; arrow-size: "
        + String.format(java.util.Locale.ROOT, "%.1fpx, %.1fpx", 9 * scale, 4.5 * scale)
        + "; z-index: 6; }"
        + "sprite { shape: box; size: 0px; fill-mode: none; stroke-mode: none; z-index: 8; "
        + font
        + " text-alignment: center; }"
        + "sprite.value { text-color: "
        + DiagramStyle.VALUE_COLOR
        + "; }"
        + "sprite.gradient { text-color: "
        + DiagramStyle.GRADIENT_COLOR
        + "; }"
        + "sprite.title { text-color: "
        + DiagramStyle.CLUSTER_TITLE
        + "; }"
        + "node.cluster { shape: box; fill-mode: plain; fill-color: "
        + DiagramStyle.CLUSTER_FILL
        + "; stroke-mode: plain; stroke-color: "
        + DiagramStyle.CLUSTER_STROKE
        + "; stroke-width: "
        + stroke
        + "; }";
  }
}
