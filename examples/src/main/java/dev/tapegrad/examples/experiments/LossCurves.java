package dev.tapegrad.examples.experiments;

import dev.tapegrad.examples.cli.CsvTable;
import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.viz.chart.LineChart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The loss per iteration of several named runs of equal length, as CSV and as a smoothed chart. */
public final class LossCurves {
  private final Map<String, double[]> curves;

  /** The curves in the given order; all must have the same length. */
  public LossCurves(Map<String, double[]> curves) {
    this.curves = new LinkedHashMap<>();
    int length = -1;
    for (Map.Entry<String, double[]> c : curves.entrySet()) {
      if (length >= 0 && c.getValue().length != length) {
        throw new IllegalArgumentException(
            "loss curve '"
                + c.getKey()
                + "' has "
                + c.getValue().length
                + " values, the others "
                + length);
      }
      length = c.getValue().length;
      this.curves.put(c.getKey(), c.getValue().clone());
    }
  }

  /** The run names, in order. */
  public Set<String> names() {
    return curves.keySet();
  }

  /** A copy of one run's losses. */
  public double[] losses(String name) {
    double[] values = curves.get(name);
    if (values == null) {
      throw new IllegalArgumentException("no loss curve named '" + name + "'; have " + names());
    }
    return values.clone();
  }

  /** The number of iterations. */
  public int iterations() {
    return curves.values().stream().findFirst().map(v -> v.length).orElse(0);
  }

  /** The mean loss over the last {@code count} iterations of a run (NaN if any is not finite). */
  public double tailMean(String name, int count) {
    double[] values = losses(name);
    int from = Math.max(0, values.length - count);
    double sum = 0;
    for (int i = from; i < values.length; i++) {
      sum += values[i];
    }
    return Double.isFinite(sum) ? sum / (values.length - from) : Double.NaN;
  }

  /** {@code iteration,<name>,<name>,...} with iterations counted from 0. */
  public CsvTable csv() {
    List<String> header = new ArrayList<>();
    header.add("iteration");
    header.addAll(names());
    CsvTable table = new CsvTable(header.toArray(String[]::new));
    for (int i = 0; i < iterations(); i++) {
      Object[] row = new Object[header.size()];
      row[0] = i;
      int column = 1;
      for (double[] values : curves.values()) {
        row[column++] = values[i];
      }
      table.row(row);
    }
    return table;
  }

  /** {@code mean loss over the last N iterations: A 0.1234 B ...} (N at most the run length). */
  public String tailSummary(int count) {
    int tail = Math.min(count, iterations());
    StringBuilder text = new StringBuilder("mean loss over the last " + tail + " iterations:");
    for (String name : names()) {
      text.append(String.format(Locale.ROOT, " %s %.4f", name, tailMean(name, tail)));
    }
    return text.toString();
  }

  /**
   * Writes {@code <prefix>.csv} ({@link #csv()}) and {@code <prefix>.png}: every run's loss
   * smoothed by a trailing moving average over {@code window} iterations, y from 0 to {@code yMax}
   * (the book's Fig 6-9 and 6-15). A run without any finite loss is left out of the chart and said
   * so on standard output (no chart if none is left); infinities are drawn as gaps.
   */
  public void write(Outputs out, String prefix, String title, double yMax, int window)
      throws IOException {
    out.writeText(prefix + ".csv", csv().toString());
    LineChart.Builder chart =
        LineChart.builder()
            .title(title)
            .xLabel("iterations")
            .yLabel("loss")
            .yRange(0, yMax)
            .smoothing(window)
            .markers(false);
    int drawn = 0;
    for (Map.Entry<String, double[]> c : curves.entrySet()) {
      if (Curves.anyFinite(c.getValue())) {
        chart.series(c.getKey(), Curves.drawable(c.getValue()));
        drawn++;
      } else {
        System.out.println(c.getKey() + ": no finite loss, left out of " + prefix + ".png");
      }
    }
    if (drawn > 0) {
      out.write(prefix + ".png", chart.build()::writePng);
    }
  }
}
