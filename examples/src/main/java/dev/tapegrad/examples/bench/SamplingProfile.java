package dev.tapegrad.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where tapegrad's time goes in one workload: the step runs in a loop under Java Flight Recorder's
 * sampling (Java and native-method samples of this thread every 2 ms), and the methods are ranked
 * by self time (top of the stack) and by total time (anywhere on the stack).
 */
final class SamplingProfile {
  private static final Duration PERIOD = Duration.ofMillis(2);
  private static final int TOP = 20;

  private SamplingProfile() {}

  /** Warms {@code workload} up, samples it for {@code seconds}, returns Markdown tables. */
  static String run(Workload workload, double seconds) throws IOException {
    Path file = Files.createTempFile("tapegrad-profile", ".jfr");
    try (PreparedStep step = new TapegradPeer().prepare(workload)) {
      LoopTimer.measure(step, new MeasurementPlan(3, 2, 0, 1, 1));
      try (Recording recording = new Recording()) {
        recording.enable("jdk.ExecutionSample").withPeriod(PERIOD);
        recording.enable("jdk.NativeMethodSample").withPeriod(PERIOD);
        recording.start();
        LoopTimer.measure(step, new MeasurementPlan(0, 0, seconds, 1, Integer.MAX_VALUE));
        recording.stop();
        recording.dump(file);
      }
      return summarize(workload, RecordingFile.readAllEvents(file));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String summarize(Workload workload, List<RecordedEvent> events) {
    String thread = Thread.currentThread().getName();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : events) {
      if (e.getStackTrace() == null || e.getThread("sampledThread") == null
          || !thread.equals(e.getThread("sampledThread").getJavaName())) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        if (seen.add(name(f))) {
          total.merge(name(f), 1, Integer::sum);
        }
      }
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "### Where tapegrad's time goes: %s (%d samples of this thread)%n%n", workload.id(), samples));
    table(out, "self (top of stack)", self, samples, m -> true);
    table(out, "total (on the stack), tapegrad and BLAS methods", total, samples,
        m -> m.startsWith("dev.tapegrad.autograd") || m.startsWith("dev.tapegrad.layers")
            || m.startsWith("dev.ludovic"));
    return out.toString();
  }

  private static void table(StringBuilder out, String title, Map<String, Integer> counts,
      int samples, java.util.function.Predicate<String> keep) {
    out.append("| ").append(title).append(" | share |\n|---|---|\n");
    counts.entrySet().stream()
        .filter(e -> keep.test(e.getKey()))
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(TOP)
        .forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n",
            e.getKey(), 100.0 * e.getValue() / Math.max(1, samples))));
    out.append('\n');
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
