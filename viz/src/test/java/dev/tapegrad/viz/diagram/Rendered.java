package dev.tapegrad.viz.diagram;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A diagram read back from a sink's output (SVG or DOT): node labels by id, edges with their value
 * and gradient texts, cluster names. Tests compare it with the expected figure.
 */
record Rendered(
    Map<String, String> labels,
    Map<String, String> kinds,
    List<Edge> edges,
    List<String> clusters) {

  /** One drawn edge, with the labels of its end nodes. */
  record Edge(String from, String to, String value, String gradient) {}

  /** The edges between nodes with these labels. */
  List<Edge> between(String fromLabel, String toLabel) {
    List<Edge> result = new ArrayList<>();
    for (Edge e : edges) {
      if (labels.get(e.from()).equals(fromLabel) && labels.get(e.to()).equals(toLabel)) {
        result.add(e);
      }
    }
    return result;
  }

  /** The one edge between nodes with these labels; fails if there is not exactly one. */
  Edge edge(String fromLabel, String toLabel) {
    List<Edge> found = between(fromLabel, toLabel);
    if (found.size() != 1) {
      throw new AssertionError(
          found.size() + " edges " + fromLabel + " -> " + toLabel + " in " + this);
    }
    return found.get(0);
  }

  long count(String kind) {
    return kinds.values().stream().filter(kind::equals).count();
  }

  static Rendered fromSvg(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
      Map<String, String> labels = new LinkedHashMap<>();
      Map<String, String> kinds = new LinkedHashMap<>();
      List<Edge> edges = new ArrayList<>();
      List<String> clusters = new ArrayList<>();
      NodeList groups = doc.getElementsByTagName("g");
      for (int i = 0; i < groups.getLength(); i++) {
        Element g = (Element) groups.item(i);
        String cls = g.getAttribute("class");
        if (cls.startsWith("node ")) {
          labels.put(g.getAttribute("id"), text(g, null));
          kinds.put(g.getAttribute("id"), cls.substring(5));
        } else if (cls.equals("edge")) {
          edges.add(
              new Edge(
                  g.getAttribute("data-from"),
                  g.getAttribute("data-to"),
                  text(g, "value"),
                  text(g, "gradient")));
        } else if (cls.equals("cluster")) {
          clusters.add(g.getAttribute("data-scope"));
        }
      }
      return new Rendered(labels, kinds, edges, clusters);
    } catch (Exception e) {
      throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
    }
  }

  private static String text(Element g, String cls) {
    NodeList texts = g.getElementsByTagName("text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element t = (Element) texts.item(i);
      if (cls == null || cls.equals(t.getAttribute("class"))) {
        return t.getTextContent();
      }
    }
    return "";
  }

  private static final Pattern DOT_NODE =
      Pattern.compile("^\\s*\"([^\"]+)\" \\[label=\"((?:[^\"\\\\]|\\\\.)*)\", shape=(\\w+)");
  private static final Pattern DOT_EDGE =
      Pattern.compile("^\\s*\"([^\"]+)\" -> \"([^\"]+)\"(?: \\[label=(.*)\\])?;$");
  private static final Pattern DOT_CLUSTER =
      Pattern.compile("^\\s*subgraph \"cluster_([^\"]+)\" \\{$");
  private static final Pattern HTML_ROWS =
      Pattern.compile(
          "<tr><td>(.*?)</td></tr><tr><td><font color=\"#c00000\">(.*?)</font></td></tr>");

  static Rendered fromDot(String dot) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    List<String> clusters = new ArrayList<>();
    for (String line : dot.split("\n")) {
      Matcher m;
      if ((m = DOT_CLUSTER.matcher(line)).find()) {
        clusters.add(m.group(1));
      } else if ((m = DOT_EDGE.matcher(line)).find()) {
        String label = m.group(3);
        if (label == null) {
          edges.add(new Edge(m.group(1), m.group(2), "", ""));
        } else if (label.startsWith("<")) {
          Matcher rows = HTML_ROWS.matcher(label);
          if (!rows.find()) {
            throw new AssertionError("unexpected HTML label " + label);
          }
          edges.add(new Edge(m.group(1), m.group(2), unhtml(rows.group(1)), unhtml(rows.group(2))));
        } else {
          edges.add(new Edge(m.group(1), m.group(2), label.substring(1, label.length() - 1), ""));
        }
      } else if ((m = DOT_NODE.matcher(line)).find()) {
        labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        kinds.put(m.group(1), m.group(3));
      } else if (line.contains("shape=point")) {
        String id = line.trim().substring(1, line.trim().indexOf('"', 1));
        labels.put(id, "");
        kinds.put(id, "point");
      }
    }
    return new Rendered(labels, kinds, edges, clusters);
  }

  private static String unhtml(String s) {
    return s.trim()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
