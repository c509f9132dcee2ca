package dev.tapegrad.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The runner's results as Markdown: per workload each peer's median (± half the interquartile
 * range, as a share of the median), tapegrad's ratios to NumPy and DJL, GEMM rates in GFLOPS, and
 * the targets with whether they are met.
 */
public final class ComparisonTable {
  private final List<String> peers;
  private final Map<Workload, Map<String, Samples>> results = new EnumMap<>(Workload.class);
  private final Map<Workload, Map<String, String>> failures = new EnumMap<>(Workload.class);

  /** A table with one column per peer, in this order. */
  public ComparisonTable(List<String> peers) {
    this.peers = List.copyOf(peers);
  }

  /** Records a peer's samples for a workload. */
  public void add(Workload workload, String peer, Samples samples) {
    results.computeIfAbsent(workload, w -> new LinkedHashMap<>()).put(peer, samples);
  }

  /** Records that a peer could not run a workload, shown in place of its time. */
  public void addFailure(Workload workload, String peer, String reason) {
    failures.computeIfAbsent(workload, w -> new LinkedHashMap<>()).put(peer, reason);
  }

  /** Each peer's median for a workload, by peer name. */
  public Map<String, Double> medians(Workload workload) {
    Map<String, Double> medians = new LinkedHashMap<>();
    results.getOrDefault(workload, Map.of()).forEach((peer, s) -> medians.put(peer, s.median()));
    return medians;
  }

  /** The whole report: times and ratios, GEMM rates, targets. */
  public String render(List<Target> targets) {
    StringBuilder out = new StringBuilder();
    renderTimes(out);
    renderGemmRates(out);
    renderTargets(out, targets);
    return out.toString();
  }

  private void renderTimes(StringBuilder out) {
    List<String> header = new ArrayList<>(List.of("workload"));
    peers.forEach(p -> header.add(p + " ms"));
    peers.stream().filter(p -> !p.equals("tapegrad")).forEach(p -> header.add("tapegrad/" + p));
    row(out, header);
    separator(out, header.size());
    for (Workload w : results.keySet()) {
      Map<String, Double> medians = medians(w);
      List<String> cells = new ArrayList<>(List.of(w.id()));
      for (String peer : peers) {
        Samples s = results.get(w).get(peer);
        String failure = failures.getOrDefault(w, Map.of()).get(peer);
        cells.add(s != null ? timeCell(s) : failure != null ? "failed" : "–");
      }
      for (String peer : peers) {
        if (!peer.equals("tapegrad")) {
          cells.add(ratioCell(medians.get("tapegrad"), medians.get(peer)));
        }
      }
      row(out, cells);
    }
    failures.forEach(
        (w, byPeer) ->
            byPeer.forEach(
                (peer, reason) ->
                    out.append(
                        String.format(
                            Locale.ROOT, "%n%s on %s failed: %s", peer, w.id(), reason))));
    out.append('\n');
  }

  private void renderGemmRates(StringBuilder out) {
    List<Workload> gemms = results.keySet().stream().filter(Workload::isGemm).toList();
    if (gemms.isEmpty()) {
      return;
    }
    List<String> header = new ArrayList<>(List.of("GEMM (C = A·B, NN)"));
    peers.forEach(p -> header.add(p + " GFLOPS"));
    out.append('\n');
    row(out, header);
    separator(out, header.size());
    for (Workload w : gemms) {
      List<String> cells = new ArrayList<>(List.of(w.id()));
      Map<String, Double> medians = medians(w);
      for (String peer : peers) {
        Double ms = medians.get(peer);
        cells.add(ms == null ? "–" : String.format(Locale.ROOT, "%.1f", w.flops() / (ms * 1e6)));
      }
      row(out, cells);
    }
  }

  private void renderTargets(StringBuilder out, List<Target> targets) {
    out.append('\n');
    List<String> header = List.of("target", "workload", "ratio", "met");
    row(out, header);
    separator(out, header.size());
    for (Target t : targets) {
      OptionalDouble ratio = t.ratio(medians(t.workload()));
      row(
          out,
          List.of(
              t.describe(),
              t.workload().id(),
              ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "–",
              ratio.isEmpty()
                  ? "not measured"
                  : ratio.getAsDouble() <= t.maxRatio() ? "yes" : "no"));
    }
  }

  /** Median in ms with 3 significant digits and ± half the interquartile range in percent. */
  static String timeCell(Samples s) {
    double median = s.median();
    double spread = (s.quantile(0.75) - s.quantile(0.25)) / 2 / median * 100;
    return String.format(Locale.ROOT, "%s ±%.0f%%", significant(median), spread);
  }

  static String ratioCell(Double own, Double other) {
    return own == null || other == null ? "–" : String.format(Locale.ROOT, "%.2f", own / other);
  }

  private static String significant(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (v >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return v >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3f", v);
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static void separator(StringBuilder out, int columns) {
    out.append("|").append("---|".repeat(columns)).append('\n');
  }
}
