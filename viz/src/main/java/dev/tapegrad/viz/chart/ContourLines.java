package dev.tapegrad.viz.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntFunction;

/**
 * Level sets of a function f(x, y), found by marching squares on a regular grid. The function is
 * sampled once; each {@link #levelSet(double) level set} is then traced through the grid cells: on
 * each cell edge whose two corners lie on opposite sides of the level, the crossing point is
 * linearly interpolated, and the crossings of each cell are joined (a saddle cell is resolved by
 * the value at its centre). The segments are chained into polylines, closed where the curve closes
 * inside the bounds. Cells with a non-finite corner are skipped.
 */
public final class ContourLines {

  private final Bounds bounds;
  private final int columns;
  private final int rows;

  /** samples[j][i] = f(x_i, y_j) with x_i = xMin + i * width / columns and y_j likewise. */
  private final double[][] samples;

  private ContourLines(Bounds bounds, int columns, int rows, double[][] samples) {
    this.bounds = bounds;
    this.columns = columns;
    this.rows = rows;
    this.samples = samples;
  }

  /**
   * Samples {@code f} on the (columns + 1) x (rows + 1) corners of a grid of columns x rows cells
   * covering {@code bounds}.
   */
  public static ContourLines sample(DoubleBinaryOperator f, Bounds bounds, int columns, int rows) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(bounds, "bounds");
    if (columns < 1 || rows < 1) {
      throw new IllegalArgumentException(
          "contour grid needs at least 1x1 cells, got " + columns + "x" + rows);
    }
    double[][] samples = new double[rows + 1][columns + 1];
    for (int j = 0; j <= rows; j++) {
      double y = bounds.yMin() + j * bounds.height() / rows;
      for (int i = 0; i <= columns; i++) {
        samples[j][i] = f.applyAsDouble(bounds.xMin() + i * bounds.width() / columns, y);
      }
    }
    return new ContourLines(bounds, columns, rows, samples);
  }

  /** Smallest finite sample (NaN if none is finite). */
  public double min() {
    return Arrays.stream(samples)
        .flatMapToDouble(Arrays::stream)
        .filter(Double::isFinite)
        .min()
        .orElse(Double.NaN);
  }

  /** Largest finite sample (NaN if none is finite). */
  public double max() {
    return Arrays.stream(samples)
        .flatMapToDouble(Arrays::stream)
        .filter(Double::isFinite)
        .max()
        .orElse(Double.NaN);
  }

  /**
   * {@code count} levels between the smallest and largest sample, spaced quadratically: level k is
   * {@code min + (max - min) * (k / (count + 1))^2} for k = 1..count, which makes the contours of a
   * quadratic bowl such as x²/20 + y² evenly spaced in the plane.
   */
  public double[] levels(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("level count must be at least 1, got " + count);
    }
    double low = min();
    double high = max();
    if (!(high > low)) {
      throw new IllegalStateException(
          "the sampled function is constant or not finite on " + bounds + "; no levels to draw");
    }
    double[] levels = new double[count];
    for (int k = 1; k <= count; k++) {
      double fraction = (double) k / (count + 1);
      levels[k - 1] = low + (high - low) * fraction * fraction;
    }
    return levels;
  }

  /**
   * The curves where f equals {@code level}, as polylines (empty if the level is never crossed).
   */
  public List<Polyline> levelSet(double level) {
    if (!Double.isFinite(level)) {
      throw new IllegalArgumentException("contour level must be finite, got " + level);
    }
    boolean[][] above = new boolean[rows + 1][columns + 1];
    for (int j = 0; j <= rows; j++) {
      for (int i = 0; i <= columns; i++) {
        above[j][i] = samples[j][i] >= level;
      }
    }
    Segments segments = new Segments(edgeCount());
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < columns; i++) {
        if (cellIsFinite(i, j)) {
          addCellSegments(i, j, level, above, segments);
        }
      }
    }
    return segments.chain(edge -> crossing(edge, level));
  }

  private void addCellSegments(int i, int j, double level, boolean[][] above, Segments segments) {
    boolean bottomLeft = above[j][i];
    boolean bottomRight = above[j][i + 1];
    boolean topRight = above[j + 1][i + 1];
    boolean topLeft = above[j + 1][i];
    int bottom = bottomLeft != bottomRight ? horizontalEdge(i, j) : -1;
    int right = bottomRight != topRight ? verticalEdge(i + 1, j) : -1;
    int top = topLeft != topRight ? horizontalEdge(i, j + 1) : -1;
    int left = bottomLeft != topLeft ? verticalEdge(i, j) : -1;
    if (bottom >= 0 && right >= 0 && top >= 0 && left >= 0) {
      double centre =
          (samples[j][i] + samples[j][i + 1] + samples[j + 1][i + 1] + samples[j + 1][i]) / 4;
      if ((centre >= level) != bottomLeft) {
        segments.add(left, bottom);
        segments.add(top, right);
      } else {
        segments.add(bottom, right);
        segments.add(left, top);
      }
      return;
    }
    int first = -1;
    for (int edge : new int[] {bottom, right, top, left}) {
      if (edge < 0) {
        continue;
      }
      if (first < 0) {
        first = edge;
      } else {
        segments.add(first, edge);
      }
    }
  }

  private boolean cellIsFinite(int i, int j) {
    return Double.isFinite(samples[j][i])
        && Double.isFinite(samples[j][i + 1])
        && Double.isFinite(samples[j + 1][i])
        && Double.isFinite(samples[j + 1][i + 1]);
  }

  private int edgeCount() {
    return (rows + 1) * columns + rows * (columns + 1);
  }

  /** Id of the edge from corner (i, j) to corner (i + 1, j). */
  private int horizontalEdge(int i, int j) {
    return j * columns + i;
  }

  /** Id of the edge from corner (i, j) to corner (i, j + 1). */
  private int verticalEdge(int i, int j) {
    return (rows + 1) * columns + j * (columns + 1) + i;
  }

  /** The interpolated point where the level crosses {@code edge}, as {x, y}. */
  private double[] crossing(int edge, double level) {
    int horizontalEdges = (rows + 1) * columns;
    int i;
    int j;
    int di = 0;
    int dj = 0;
    if (edge < horizontalEdges) {
      i = edge % columns;
      j = edge / columns;
      di = 1;
    } else {
      i = (edge - horizontalEdges) % (columns + 1);
      j = (edge - horizontalEdges) / (columns + 1);
      dj = 1;
    }
    double from = samples[j][i];
    double to = samples[j + dj][i + di];
    double t = (level - from) / (to - from);
    double x = bounds.xMin() + (i + t * di) * bounds.width() / columns;
    double y = bounds.yMin() + (j + t * dj) * bounds.height() / rows;
    return new double[] {x, y};
  }

  /**
   * Segments between edge crossings, each crossing shared by at most two segments, chained into
   * polylines.
   */
  private static final class Segments {
    private final List<int[]> list = new ArrayList<>();
    private final int[] firstAtEdge;
    private final int[] secondAtEdge;

    Segments(int edgeCount) {
      firstAtEdge = new int[edgeCount];
      secondAtEdge = new int[edgeCount];
      Arrays.fill(firstAtEdge, -1);
      Arrays.fill(secondAtEdge, -1);
    }

    void add(int edgeA, int edgeB) {
      int index = list.size();
      list.add(new int[] {edgeA, edgeB});
      attach(edgeA, index);
      attach(edgeB, index);
    }

    private void attach(int edge, int segment) {
      if (firstAtEdge[edge] < 0) {
        firstAtEdge[edge] = segment;
      } else {
        secondAtEdge[edge] = segment;
      }
    }

    private boolean isEnd(int edge) {
      return secondAtEdge[edge] < 0;
    }

    List<Polyline> chain(IntFunction<double[]> point) {
      boolean[] used = new boolean[list.size()];
      List<Polyline> lines = new ArrayList<>();
      // open curves first, from one of their ends, so that no open curve is split in two
      for (int s = 0; s < list.size(); s++) {
        for (int end : list.get(s)) {
          if (!used[s] && isEnd(end)) {
            lines.add(walk(end, s, used, point));
          }
        }
      }
      for (int s = 0; s < list.size(); s++) {
        if (!used[s]) {
          lines.add(walk(list.get(s)[0], s, used, point));
        }
      }
      return lines;
    }

    private Polyline walk(
        int startEdge, int startSegment, boolean[] used, IntFunction<double[]> point) {
      List<double[]> points = new ArrayList<>();
      points.add(point.apply(startEdge));
      int edge = startEdge;
      int segment = startSegment;
      while (segment >= 0) {
        used[segment] = true;
        int[] ends = list.get(segment);
        edge = ends[0] == edge ? ends[1] : ends[0];
        points.add(point.apply(edge));
        int next = firstAtEdge[edge] == segment ? secondAtEdge[edge] : firstAtEdge[edge];
        segment = next >= 0 && !used[next] ? next : -1;
      }
      double[] xs = new double[points.size()];
      double[] ys = new double[points.size()];
      for (int k = 0; k < points.size(); k++) {
        xs[k] = points.get(k)[0];
        ys[k] = points.get(k)[1];
      }
      return new Polyline(xs, ys);
    }
  }
}
