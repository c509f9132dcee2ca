package dev.tapegrad.viz.diagram.layout;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.viz.diagram.DiagramEdge;
import dev.tapegrad.viz.diagram.DiagramGraph;
import dev.tapegrad.viz.diagram.DiagramNode;
import dev.tapegrad.viz.diagram.NodeKind;
import dev.tapegrad.viz.diagram.ScopePaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays a {@link DiagramGraph} out left to right in ranks like the book's figures: inputs on the
 * left, the loss on the right, values above the edges and gradients below them.
 *
 * <p>Steps: ranks by longest path with inputs pulled next to their consumers ({@link Ranking});
 * long edges broken into chains of invisible points; barycentric crossing reduction keeping scopes
 * contiguous ({@link Ordering}); vertical positions as close to the neighbours as the minimum gaps
 * allow ({@link Isotonic}); gaps between ranks sized from the widest label, each label then slid
 * along its edge (or the gap widened) until it overlaps no other label. The result depends on
 * nothing but the graph, so the same graph always gives the same layout.
 */
public final class LayeredLayout {
  static final double MARGIN = 16;
  static final double MIN_GAP = 36;
  static final double LABEL_MARGIN = 14;
  static final double NODE_GAP = 18;
  /** Two labelled edges converging on one node keep their labels apart at this distance. */
  static final double MIN_SEPARATION = 4 * (TextMetrics.LINE_HEIGHT + 2) + 12;
  static final double CLUSTER_PAD = 12;
  static final double TITLE_HEIGHT = TextMetrics.LINE_HEIGHT + 4;
  static final double LABEL_OFFSET = 2;
  static final double MIN_CIRCLE = 36;
  /** Extra corridor width given to steep edges, so their labels can move away from crowding. */
  static final double MAX_SLOPE_ROOM = 80;
  /** Alternating passes, odd so that the last one centres each node on its inputs. */
  private static final int PLACEMENT_PASSES = 7;
  private static final int MAX_WIDENINGS = 4;

  private final DiagramGraph graph;
  private final int real;
  private final List<Double> width = new ArrayList<>();
  private final List<Double> height = new ArrayList<>();
  private final List<String> scope = new ArrayList<>();
  private final List<Integer> rankOf = new ArrayList<>();
  private final List<int[]> chains = new ArrayList<>();
  private final List<int[]> segments = new ArrayList<>();
  private int[][] orders;
  private double[] y;
  private double[] columnCenter;
  private double[] columnWidth;
  private double[] gap;
  private double[] leftAllowance;
  private double[] rightAllowance;
  private TextBox[] valueBoxes;
  private TextBox[] gradientBoxes;

  private LayeredLayout(DiagramGraph graph) {
    this.graph = graph;
    this.real = graph.nodes().size();
  }

  /** Lays {@code graph} out. */
  public static DiagramLayout of(DiagramGraph graph) {
    LayeredLayout layout = new LayeredLayout(graph);
    layout.rankAndChain();
    layout.order();
    layout.placeVertically();
    layout.separateClusters();
    layout.placeHorizontally();
    return layout.result();
  }

  // ------------------------------------------------------------------ sizes

  /**
   * Whether an op label fits in the book's circle; longer ones ({@code transpose}) get an ellipse.
   */
  public static boolean fitsCircle(String label) {
    return TextMetrics.width(label) + 10 <= MIN_CIRCLE;
  }

  /** Width and height of a node's shape. */
  static double[] size(DiagramNode node) {
    double text = TextMetrics.width(node.label());
    return switch (node.kind()) {
      case OP -> fitsCircle(node.label())
          ? new double[] {MIN_CIRCLE, MIN_CIRCLE}
          : new double[] {text + 20, MIN_CIRCLE};
      case LAYER -> new double[] {text + 24, 36};
      case BRANCH -> new double[] {7, 7};
      case INPUT, OUTPUT ->
          new double[] {node.label().isEmpty() ? 8 : text + 8, TextMetrics.LINE_HEIGHT + 4};
    };
  }

  // ------------------------------------------------------------------ ranks and chains

  private void rankAndChain() {
    List<DiagramNode> nodes = graph.nodes();
    for (DiagramNode node : nodes) {
      double[] s = size(node);
      width.add(s[0]);
      height.add(s[1]);
      scope.add(node.scope());
    }
    Map<String, Integer> index = new HashMap<>();
    for (int v = 0; v < real; v++) {
      index.put(nodes.get(v).id(), v);
    }
    int[][] edges = new int[graph.edges().size()][];
    for (int e = 0; e < edges.length; e++) {
      DiagramEdge edge = graph.edges().get(e);
      edges[e] = new int[] {index.get(edge.from()), index.get(edge.to())};
    }
    Ranking ranking = Ranking.of(real + barriers(edges.length), withBarriers(edges));
    for (int v = 0; v < real; v++) {
      rankOf.add(ranking.rank[v]);
    }
    for (int e = 0; e < edges.length; e++) {
      int a = edges[e][0];
      int b = edges[e][1];
      int ra = rankOf.get(a);
      int rb = rankOf.get(b);
      if (ranking.ignored[e] || rb <= ra) {
        chains.add(new int[] {a, b});
        continue;
      }
      int[] chain = new int[rb - ra + 1];
      chain[0] = a;
      chain[chain.length - 1] = b;
      String common = ScopePaths.common(scope.get(a), scope.get(b));
      for (int k = 1; k < chain.length - 1; k++) {
        chain[k] = width.size();
        width.add(0.0);
        height.add(0.0);
        scope.add(common);
        rankOf.add(ra + k);
      }
      for (int k = 0; k + 1 < chain.length; k++) {
        segments.add(new int[] {chain[k], chain[k + 1]});
      }
      chains.add(chain);
    }
  }


  private final List<int[]> barrierEdges = new ArrayList<>();

  /**
   * Keeps sibling clusters in separate columns, in recording order: between consecutive siblings
   * an invisible barrier node ranks after every node of the first and before every node of the
   * second. Returns the number of barriers; {@link #withBarriers} adds their edges.
   */
  private int barriers(int edgeCount) {
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (String cluster : graph.clusters()) {
      children.computeIfAbsent(ScopePaths.parent(cluster), p -> new ArrayList<>()).add(cluster);
    }
    int count = 0;
    for (List<String> siblings : children.values()) {
      List<List<Integer>> members = new ArrayList<>();
      for (String cluster : siblings) {
        List<Integer> inside = new ArrayList<>();
        for (int v = 0; v < real; v++) {
          if (ScopePaths.within(scope.get(v), cluster)) {
            inside.add(v);
          }
        }
        members.add(inside);
      }
      members.sort(Comparator.comparingInt((List<Integer> m) -> m.get(0)));
      for (int k = 0; k + 1 < members.size(); k++) {
        int barrier = real + count++;
        for (int v : members.get(k)) {
          barrierEdges.add(new int[] {v, barrier, 0});
        }
        for (int v : members.get(k + 1)) {
          barrierEdges.add(new int[] {barrier, v, 1});
        }
      }
    }
    return count;
  }

  private int[][] withBarriers(int[][] edges) {
    int[][] all = Arrays.copyOf(edges, edges.length + barrierEdges.size());
    for (int i = 0; i < barrierEdges.size(); i++) {
      all[edges.length + i] = barrierEdges.get(i);
    }
    return all;
  }

  private boolean isSegmentChain(int e) {
    int[] chain = chains.get(e);
    return rankOf.get(chain[chain.length - 1]) - rankOf.get(chain[0]) == chain.length - 1;
  }

  // ------------------------------------------------------------------ order within ranks

  private void order() {
    int ranks = 0;
    for (int r : rankOf) {
      ranks = Math.max(ranks, r + 1);
    }
    int[] count = new int[ranks];
    for (int r : rankOf) {
      count[r]++;
    }
    orders = new int[ranks][];
    for (int r = 0; r < ranks; r++) {
      orders[r] = new int[count[r]];
    }
    int[] fill = new int[ranks];
    for (int v = 0; v < rankOf.size(); v++) {
      int r = rankOf.get(v);
      orders[r][fill[r]++] = v;
    }
    Ordering.improve(orders, segments.toArray(new int[0][]), scope.toArray(new String[0]));
  }

  // ------------------------------------------------------------------ vertical placement

  private void placeVertically() {
    int n = rankOf.size();
    y = new double[n];
    List<List<Integer>> up = adjacency(0, 1);
    List<List<Integer>> down = adjacency(1, 0);
    double[][] gaps = new double[orders.length][];
    for (int r = 0; r < orders.length; r++) {
      int[] rank = orders[r];
      gaps[r] = new double[Math.max(0, rank.length - 1)];
      double total = 0;
      for (int k = 0; k + 1 < rank.length; k++) {
        gaps[r][k] = separation(rank[k], rank[k + 1]);
        total += gaps[r][k];
      }
      double at = -total / 2;
      for (int k = 0; k < rank.length; k++) {
        y[rank[k]] = at;
        at += k < gaps[r].length ? gaps[r][k] : 0;
      }
    }
    for (int pass = 0; pass < PLACEMENT_PASSES; pass++) {
      boolean rightward = pass % 2 == 0;
      for (int i = 0; i < orders.length; i++) {
        int r = rightward ? i : orders.length - 1 - i;
        int[] rank = orders[r];
        double[] target = new double[rank.length];
        double[] weight = new double[rank.length];
        for (int k = 0; k < rank.length; k++) {
          int v = rank[k];
          List<Integer> nb = rightward ? mainInputs(up, v) : down.get(v);
          double sum = 0;
          for (int w : nb) {
            sum += y[w];
          }
          target[k] = nb.isEmpty() ? y[v] : sum / nb.size();
          weight[k] = nb.isEmpty() ? 0.01 : v >= real ? 4 : 1;
        }
        double[] placed = Isotonic.place(target, weight, gaps[r]);
        for (int k = 0; k < rank.length; k++) {
          y[rank[k]] = placed[k];
        }
      }
    }
  }

  /**
   * The inputs a node is centred on: those that are themselves computed, when there are any, so
   * that a chain stays straight and the leaves feeding it sit beside it instead of pulling it
   * sideways step after step.
   */
  private static List<Integer> mainInputs(List<List<Integer>> up, int v) {
    List<Integer> computed = new ArrayList<>();
    for (int w : up.get(v)) {
      if (!up.get(w).isEmpty()) {
        computed.add(w);
      }
    }
    return computed.isEmpty() ? up.get(v) : computed;
  }

  /** For each node, the nodes at the {@code from} end of its segments ending at {@code to}. */
  private List<List<Integer>> adjacency(int from, int to) {
    List<List<Integer>> result = new ArrayList<>();
    for (int v = 0; v < rankOf.size(); v++) {
      result.add(new ArrayList<>());
    }
    for (int[] s : segments) {
      result.get(s[to]).add(s[from]);
    }
    return result;
  }

  /** Minimum distance between the centres of two neighbours in a rank, {@code a} above. */
  private double separation(int a, int b) {
    double sep = Math.max(MIN_SEPARATION, height.get(a) / 2 + height.get(b) / 2 + NODE_GAP);
    int shared = ScopePaths.depth(ScopePaths.common(scope.get(a), scope.get(b)));
    sep += (ScopePaths.depth(scope.get(a)) - shared) * CLUSTER_PAD;
    sep += (ScopePaths.depth(scope.get(b)) - shared) * (CLUSTER_PAD + TITLE_HEIGHT);
    return sep;
  }

  /**
   * Pushes apart a cluster and anything outside it that shares its ranks and its height (another
   * cluster, or a node pulled into its ranks): the lower one, with everything below it in its
   * ranks, moves down. Order within ranks is kept, so the minimum gaps still hold. A bounded number
   * of rounds: graphs whose scopes interleave badly may keep some overlap rather than grow tall.
   */
  private void separateClusters() {
    List<String> clusters = graph.clusters();
    int limit = Math.min(200, 4 * (clusters.size() + 1) * (clusters.size() + 1));
    for (int round = 0; round < limit; round++) {
      double[][] box = clusterExtents(clusters);
      if (!pushFirstOverlap(clusters, box)) {
        return;
      }
    }
  }

  /** Cluster indices, the most deeply nested first (so inner boxes are known before outer ones). */
  private static Integer[] deepestFirst(List<String> clusters) {
    Integer[] byDepth = new Integer[clusters.size()];
    for (int c = 0; c < byDepth.length; c++) {
      byDepth[c] = c;
    }
    Arrays.sort(byDepth, Comparator.comparingInt((Integer c) -> -ScopePaths.depth(clusters.get(c))));
    return byDepth;
  }

  /** Per cluster {top, bottom, firstRank, lastRank}, inner clusters included in outer ones. */
  private double[][] clusterExtents(List<String> clusters) {
    double[][] box = new double[clusters.size()][];
    for (int c : deepestFirst(clusters)) {
      String path = clusters.get(c);
      double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Integer.MAX_VALUE, -1};
      for (int v = 0; v < rankOf.size(); v++) {
        if (ScopePaths.within(scope.get(v), path)) {
          b[0] = Math.min(b[0], y[v] - height.get(v) / 2);
          b[1] = Math.max(b[1], y[v] + height.get(v) / 2);
          b[2] = Math.min(b[2], rankOf.get(v));
          b[3] = Math.max(b[3], rankOf.get(v));
        }
      }
      for (int inner = 0; inner < clusters.size(); inner++) {
        if (box[inner] != null && ScopePaths.parent(clusters.get(inner)).equals(path)) {
          b[0] = Math.min(b[0], box[inner][0]);
          b[1] = Math.max(b[1], box[inner][1]);
        }
      }
      b[0] -= CLUSTER_PAD + TITLE_HEIGHT;
      b[1] += CLUSTER_PAD;
      box[c] = b;
    }
    return box;
  }

  private boolean pushFirstOverlap(List<String> clusters, double[][] box) {
    for (int a = 0; a < clusters.size(); a++) {
      String pa = clusters.get(a);
      for (int b = a + 1; b < clusters.size(); b++) {
        String pb = clusters.get(b);
        if (!ScopePaths.within(pa, pb) && !ScopePaths.within(pb, pa)
            && overlaps(box[a], box[b][0], box[b][1], box[b][2], box[b][3])) {
          boolean bLower = box[b][0] + box[b][1] >= box[a][0] + box[a][1];
          int lower = bLower ? b : a;
          int upper = bLower ? a : b;
          push(clusters.get(lower), box[lower], box[upper][1] - box[lower][0] + NODE_GAP / 2);
          return true;
        }
      }
      for (int v = 0; v < rankOf.size(); v++) {
        double top = y[v] - height.get(v) / 2;
        double bottom = y[v] + height.get(v) / 2;
        if (!ScopePaths.within(scope.get(v), pa)
            && overlaps(box[a], top, bottom, rankOf.get(v), rankOf.get(v))) {
          if ((top + bottom) / 2 >= (box[a][0] + box[a][1]) / 2) {
            pushNode(v, box[a][1] - top + NODE_GAP / 2);
          } else {
            push(pa, box[a], bottom - box[a][0] + NODE_GAP / 2);
          }
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overlaps(double[] box, double top, double bottom, double first, double last) {
    return first <= box[3] && last >= box[2] && top < box[1] && bottom > box[0];
  }

  /** Moves a cluster and everything below its members in its ranks down by {@code delta}. */
  private void push(String cluster, double[] box, double delta) {
    for (int r = (int) box[2]; r <= (int) box[3]; r++) {
      double threshold = Double.MAX_VALUE;
      for (int v : orders[r]) {
        if (ScopePaths.within(scope.get(v), cluster)) {
          threshold = Math.min(threshold, y[v]);
        }
      }
      if (threshold == Double.MAX_VALUE) {
        threshold = box[0];
      }
      for (int v : orders[r]) {
        if (y[v] >= threshold) {
          y[v] += delta;
        }
      }
    }
  }

  /** Moves a node and everything below it in its rank down by {@code delta}. */
  private void pushNode(int node, double delta) {
    double threshold = y[node];
    for (int v : orders[rankOf.get(node)]) {
      if (y[v] >= threshold) {
        y[v] += delta;
      }
    }
  }

  // ------------------------------------------------------------------ horizontal placement

  private void placeHorizontally() {
    int ranks = orders.length;
    columnWidth = new double[ranks];
    for (int v = 0; v < rankOf.size(); v++) {
      int r = rankOf.get(v);
      columnWidth[r] = Math.max(columnWidth[r], width.get(v));
    }
    widenColumnsForTitles();
    leftAllowance = new double[ranks];
    rightAllowance = new double[ranks];
    gap = new double[ranks];
    List<Set<String>> present = new ArrayList<>();
    for (int[] rank : orders) {
      Set<String> clusters = new LinkedHashSet<>();
      for (int v : rank) {
        clusters.addAll(ScopePaths.prefixes(scope.get(v)));
      }
      present.add(clusters);
    }
    double[] labelWidth = new double[ranks];
    double[] rise = new double[ranks];
    for (int e = 0; e < chains.size(); e++) {
      int[] chain = chains.get(e);
      if (isSegmentChain(e)) {
        int r = rankOf.get(chain[chain.length - 2]);
        labelWidth[r] = Math.max(labelWidth[r], labelWidth(graph.edges().get(e)));
        rise[r] = Math.max(rise[r], Math.abs(y[chain[chain.length - 1]] - y[chain[chain.length - 2]]));
      }
    }
    for (int r = 0; r + 1 < ranks; r++) {
      leftAllowance[r] = boundaries(present.get(r), present.get(r + 1));
      rightAllowance[r + 1] = boundaries(present.get(r + 1), present.get(r));
      double corridor =
          labelWidth[r] == 0
              ? MIN_GAP
              : labelWidth[r] + 2 * LABEL_MARGIN + Math.min(MAX_SLOPE_ROOM, rise[r] * 0.6);
      gap[r] = leftAllowance[r] + rightAllowance[r + 1] + Math.max(MIN_GAP, corridor);
    }
    columnCenter = new double[ranks];
    recomputeColumns(0);
    placeLabels();
  }

  /** A column holding the whole of a one-column cluster is made wide enough for its title. */
  private void widenColumnsForTitles() {
    for (String cluster : graph.clusters()) {
      int first = Integer.MAX_VALUE;
      int last = -1;
      for (int v = 0; v < rankOf.size(); v++) {
        if (ScopePaths.within(scope.get(v), cluster)) {
          first = Math.min(first, rankOf.get(v));
          last = Math.max(last, rankOf.get(v));
        }
      }
      if (first == last) {
        double needed = TextMetrics.width(ScopePaths.name(cluster)) + 16 - 2 * CLUSTER_PAD;
        columnWidth[first] = Math.max(columnWidth[first], needed);
      }
    }
  }

  private static double boundaries(Set<String> here, Set<String> there) {
    int count = 0;
    for (String cluster : here) {
      if (!there.contains(cluster)) {
        count++;
      }
    }
    return count * (CLUSTER_PAD + 4);
  }

  private static double labelWidth(DiagramEdge edge) {
    return Math.max(TextMetrics.width(edge.value()), TextMetrics.width(edge.gradient()));
  }

  private void recomputeColumns(int from) {
    for (int r = Math.max(1, from); r < orders.length; r++) {
      columnCenter[r] =
          columnCenter[r - 1] + columnWidth[r - 1] / 2 + gap[r - 1] + columnWidth[r] / 2;
    }
  }

  private double x(int v) {
    int r = rankOf.get(v);
    if (v < real && graph.nodes().get(v).kind() == NodeKind.INPUT) {
      return columnCenter[r] + columnWidth[r] / 2 - width.get(v) / 2;
    }
    return columnCenter[r];
  }

  private void placeLabels() {
    valueBoxes = new TextBox[chains.size()];
    gradientBoxes = new TextBox[chains.size()];
    List<List<Integer>> byCorridor = new ArrayList<>();
    for (int r = 0; r < orders.length; r++) {
      byCorridor.add(new ArrayList<>());
    }
    int[] position = new int[rankOf.size()];
    for (int[] rank : orders) {
      for (int k = 0; k < rank.length; k++) {
        position[rank[k]] = k;
      }
    }
    for (int e = 0; e < chains.size(); e++) {
      DiagramEdge edge = graph.edges().get(e);
      if (edge.value().isEmpty() && edge.gradient().isEmpty()) {
        continue;
      }
      int[] chain = chains.get(e);
      if (isSegmentChain(e)) {
        byCorridor.get(rankOf.get(chain[chain.length - 2])).add(e);
      }
    }
    for (int r = 0; r + 1 < orders.length; r++) {
      List<Integer> labelled = byCorridor.get(r);
      labelled.sort(
          Comparator.<Integer>comparingInt(e -> position[upper(e)])
              .thenComparingInt(e -> position[lastOf(e)]));
      for (int widening = 0; ; widening++) {
        if (placeCorridor(r, labelled, widening == MAX_WIDENINGS)) {
          break;
        }
        double widest = 0;
        for (int e : labelled) {
          widest = Math.max(widest, labelWidth(graph.edges().get(e)));
        }
        gap[r] += widest + LABEL_MARGIN;
        recomputeColumns(r + 1);
      }
    }
    for (int e = 0; e < chains.size(); e++) {
      if (!isSegmentChain(e)) {
        int[] chain = chains.get(e);
        double cx = (x(chain[0]) + x(chain[1])) / 2;
        double cy = (y[chain[0]] + y[chain[1]]) / 2;
        setLabels(e, cx, cy, cy);
      }
    }
  }

  private int upper(int e) {
    int[] chain = chains.get(e);
    return chain[chain.length - 2];
  }

  private int lastOf(int e) {
    int[] chain = chains.get(e);
    return chain[chain.length - 1];
  }

  /** Places the labels of one corridor; false if one found no free spot (unless forced). */
  private boolean placeCorridor(int r, List<Integer> labelled, boolean force) {
    int[] inDegree = new int[rankOf.size()];
    int[] outDegree = new int[rankOf.size()];
    for (int[] s : segments) {
      outDegree[s[0]]++;
      inDegree[s[1]]++;
    }
    double left = columnCenter[r] + columnWidth[r] / 2 + leftAllowance[r] + LABEL_MARGIN;
    double right =
        columnCenter[r + 1] - columnWidth[r + 1] / 2 - rightAllowance[r + 1] - LABEL_MARGIN;
    List<TextBox> placed = new ArrayList<>();
    for (int e : labelled) {
      double w = labelWidth(graph.edges().get(e));
      double slack = Math.max(0, right - left - w);
      double mid = (left + right) / 2;
      // Converging edges are far apart near their sources, diverging ones near their targets.
      double toward = inDegree[lastOf(e)] > 1 ? -1 : outDegree[upper(e)] > 1 ? 1 : -1;
      double[] candidates = {
        mid, mid + toward * slack / 4, mid + toward * slack / 2, mid - toward * slack / 4,
        mid - toward * slack / 2
      };
      boolean done = false;
      for (double cx : candidates) {
        double x1 = x(upper(e));
        double x2 = x(lastOf(e));
        double y1 = y[upper(e)];
        double y2 = y[lastOf(e)];
        double ya = y1 + (y2 - y1) * (cx - w / 2 - x1) / (x2 - x1);
        double yb = y1 + (y2 - y1) * (cx + w / 2 - x1) / (x2 - x1);
        setLabels(e, cx, Math.min(ya, yb), Math.max(ya, yb));
        if (free(valueBoxes[e], placed) && free(gradientBoxes[e], placed)) {
          done = true;
          break;
        }
      }
      if (!done && !force) {
        return false;
      }
      if (!done) {
        setLabels(e, mid, y[upper(e)], y[upper(e)]);
      }
      addIfPresent(placed, valueBoxes[e]);
      addIfPresent(placed, gradientBoxes[e]);
    }
    return true;
  }

  private static void addIfPresent(List<TextBox> boxes, TextBox box) {
    if (box != null) {
      boxes.add(box);
    }
  }

  private static boolean free(TextBox box, List<TextBox> placed) {
    if (box == null) {
      return true;
    }
    for (TextBox other : placed) {
      if (box.overlaps(other.x(), other.y(), other.width() + 4, other.height())) {
        return false;
      }
    }
    return true;
  }

  /** Value above the line's highest point under the label, gradient below its lowest. */
  private void setLabels(int e, double cx, double lineTop, double lineBottom) {
    DiagramEdge edge = graph.edges().get(e);
    double h = TextMetrics.LINE_HEIGHT;
    valueBoxes[e] =
        edge.value().isEmpty()
            ? null
            : new TextBox(edge.value(), cx, lineTop - LABEL_OFFSET - h / 2,
                TextMetrics.width(edge.value()), h);
    gradientBoxes[e] =
        edge.gradient().isEmpty()
            ? null
            : new TextBox(edge.gradient(), cx, lineBottom + LABEL_OFFSET + h / 2,
                TextMetrics.width(edge.gradient()), h);
  }

  // ------------------------------------------------------------------ result

  private DiagramLayout result() {
    List<double[]> clusterBounds = clusterBounds();
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int v = 0; v < rankOf.size(); v++) {
      minX = Math.min(minX, x(v) - width.get(v) / 2);
      maxX = Math.max(maxX, x(v) + width.get(v) / 2);
      minY = Math.min(minY, y[v] - height.get(v) / 2);
      maxY = Math.max(maxY, y[v] + height.get(v) / 2);
    }
    for (TextBox box : allLabels()) {
      minX = Math.min(minX, box.x() - box.width() / 2);
      maxX = Math.max(maxX, box.x() + box.width() / 2);
      minY = Math.min(minY, box.y() - box.height() / 2);
      maxY = Math.max(maxY, box.y() + box.height() / 2);
    }
    for (double[] b : clusterBounds) {
      minX = Math.min(minX, b[0]);
      minY = Math.min(minY, b[1]);
      maxX = Math.max(maxX, b[2]);
      maxY = Math.max(maxY, b[3]);
    }
    if (rankOf.isEmpty()) {
      minX = minY = maxX = maxY = 0;
    }
    double dx = MARGIN - minX;
    double dy = MARGIN - minY;
    ImmutableList.Builder<NodeBox> nodes = ImmutableList.builder();
    for (int v = 0; v < real; v++) {
      nodes.add(new NodeBox(graph.nodes().get(v), x(v) + dx, y[v] + dy, width.get(v), height.get(v)));
    }
    ImmutableList.Builder<EdgeRoute> routes = ImmutableList.builder();
    for (int e = 0; e < chains.size(); e++) {
      routes.add(
          new EdgeRoute(
              graph.edges().get(e), route(chains.get(e), dx, dy),
              shifted(valueBoxes[e], dx, dy), shifted(gradientBoxes[e], dx, dy)));
    }
    ImmutableList.Builder<ClusterBox> clusters = ImmutableList.builder();
    for (int c = 0; c < graph.clusters().size(); c++) {
      String path = graph.clusters().get(c);
      double[] b = clusterBounds.get(c);
      clusters.add(
          new ClusterBox(path, ScopePaths.name(path), b[0] + dx, b[1] + dy, b[2] - b[0], b[3] - b[1]));
    }
    return new DiagramLayout(
        maxX - minX + 2 * MARGIN, maxY - minY + 2 * MARGIN, nodes.build(), routes.build(),
        clusters.build());
  }

  private List<TextBox> allLabels() {
    List<TextBox> boxes = new ArrayList<>();
    for (int e = 0; e < chains.size(); e++) {
      addIfPresent(boxes, valueBoxes[e]);
      addIfPresent(boxes, gradientBoxes[e]);
    }
    return boxes;
  }

  private static TextBox shifted(TextBox box, double dx, double dy) {
    return box == null
        ? null
        : new TextBox(box.text(), box.x() + dx, box.y() + dy, box.width(), box.height());
  }

  /** Bounds {left, top, right, bottom} of each cluster, inner clusters first computed. */
  private List<double[]> clusterBounds() {
    List<String> clusters = graph.clusters();
    double[][] bounds = new double[clusters.size()][];
    for (int c : deepestFirst(clusters)) {
      String path = clusters.get(c);
      double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
      for (int v = 0; v < rankOf.size(); v++) {
        if (ScopePaths.within(scope.get(v), path)) {
          include(b, x(v) - width.get(v) / 2, y[v] - height.get(v) / 2,
              x(v) + width.get(v) / 2, y[v] + height.get(v) / 2);
        }
      }
      for (int e = 0; e < chains.size(); e++) {
        int[] chain = chains.get(e);
        if (ScopePaths.within(scope.get(chain[0]), path)
            && ScopePaths.within(scope.get(chain[chain.length - 1]), path)) {
          for (TextBox box : new TextBox[] {valueBoxes[e], gradientBoxes[e]}) {
            if (box != null) {
              include(b, box.x() - box.width() / 2, box.y() - box.height() / 2,
                  box.x() + box.width() / 2, box.y() + box.height() / 2);
            }
          }
        }
      }
      for (int inner = 0; inner < clusters.size(); inner++) {
        if (bounds[inner] != null && ScopePaths.parent(clusters.get(inner)).equals(path)) {
          include(b, bounds[inner][0], bounds[inner][1], bounds[inner][2], bounds[inner][3]);
        }
      }
      b[0] -= CLUSTER_PAD;
      b[2] += CLUSTER_PAD;
      b[1] -= CLUSTER_PAD + TITLE_HEIGHT;
      b[3] += CLUSTER_PAD;
      b[2] = Math.max(b[2], b[0] + TextMetrics.width(ScopePaths.name(path)) + 16);
      bounds[c] = b;
    }
    return Arrays.asList(bounds);
  }

  private static void include(double[] b, double left, double top, double right, double bottom) {
    b[0] = Math.min(b[0], left);
    b[1] = Math.min(b[1], top);
    b[2] = Math.max(b[2], right);
    b[3] = Math.max(b[3], bottom);
  }

  /** The chain's points, the first and last moved onto the borders of their nodes. */
  private ImmutableList<Point> route(int[] chain, double dx, double dy) {
    ImmutableList.Builder<Point> points = ImmutableList.builder();
    int last = chain.length - 1;
    for (int k = 0; k <= last; k++) {
      int v = chain[k];
      double px = x(v);
      double py = y[v];
      if (k == 0 || k == last) {
        int toward = chain[k == 0 ? 1 : last - 1];
        double[] p = border(v, x(toward) - px, y[toward] - py);
        px = p[0];
        py = p[1];
      }
      points.add(new Point(px + dx, py + dy));
    }
    return points.build();
  }

  /** Where a ray from node {@code v}'s centre in direction (ddx, ddy) leaves its shape. */
  private double[] border(int v, double ddx, double ddy) {
    double cx = x(v);
    double cy = y[v];
    double length = Math.hypot(ddx, ddy);
    if (length == 0) {
      return new double[] {cx, cy};
    }
    NodeKind kind = graph.nodes().get(v).kind();
    if (kind == NodeKind.OP || kind == NodeKind.BRANCH) {
      double a = width.get(v) / 2;
      double b = height.get(v) / 2;
      double t = 1 / Math.sqrt(ddx * ddx / (a * a) + ddy * ddy / (b * b));
      return new double[] {cx + ddx * t, cy + ddy * t};
    }
    double hw = width.get(v) / 2;
    double hh = height.get(v) / 2;
    double t = Math.min(ddx == 0 ? Double.MAX_VALUE : hw / Math.abs(ddx),
        ddy == 0 ? Double.MAX_VALUE : hh / Math.abs(ddy));
    return new double[] {cx + ddx * t, cy + ddy * t};
  }
}
