package dev.tapegrad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where tapegrad's time goes in one workload: the step runs in a loop under Java Flight Recorder's
 * sampling (Java and native-method samples of this thread every 2 ms). Samples are grouped by phase
 * (forward, backward, update), by the tapegrad op they belong to (the outermost engine op on the
 * stack: the op itself in the forward pass, its backward rule in the backward pass) and by the
 * kernel doing the work; a second table ranks methods by self time.
 */
final class SamplingProfile {
  private static final Duration PERIOD = Duration.ofMillis(2);
  private static final int TOP = 25;

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
    Map<String, Integer> byOp = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : events) {
      if (e.getStackTrace() == null
          || e.getThread("sampledThread") == null
          || !thread.equals(e.getThread("sampledThread").getJavaName())) {
        continue;
      }
      List<String> stack =
          e.getStackTrace().getFrames().stream().map(SamplingProfile::name).toList();
      if (stack.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(stack.get(0), 1, Integer::sum);
      byOp.merge(phase(stack) + " | " + op(stack) + " | " + kernel(stack), 1, Integer::sum);
    }
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "### Where tapegrad's time goes: %s (%d samples of this thread)%n%n",
                workload.id(),
                samples));
    table(
        out, "phase | op (outermost tapegrad op on the stack) | kernel (innermost)", byOp, samples);
    table(out, "method on top of the stack (self time)", self, samples);
    return out.toString();
  }

  /** Backward (inside {@code Tape.backward}), update (the optimizer) or forward. */
  private static String phase(List<String> stack) {
    if (stack.contains("dev.tapegrad.autograd.Tape.backward")) {
      return "backward";
    }
    boolean optimizer = stack.stream().anyMatch(f -> f.startsWith("dev.tapegrad.layers.optim."));
    return optimizer ? "update" : "forward";
  }

  /**
   * The op the work belongs to: the outermost frame in the engine's ops or fused functions,
   * skipping the lambda adapters that call backward rules.
   */
  private static String op(List<String> stack) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      String f = stack.get(i);
      boolean engineOp = f.startsWith("dev.tapegrad.autograd.ops.");
      if (engineOp && !f.contains("$$Lambda")) {
        return shortName(f);
      }
    }
    return "(no op)";
  }

  /** The innermost kernel or BLAS frame, else the top frame. */
  private static String kernel(List<String> stack) {
    for (String f : stack) {
      if (f.startsWith("dev.tapegrad.autograd.kernels.") || f.startsWith("dev.ludovic.")) {
        return shortName(f);
      }
    }
    return stack.get(0);
  }

  /**
   * {@code Class.method} without the package; a lambda body {@code lambda$product$0} becomes {@code
   * product}, and an enum constant's body class ({@code BinaryOp$3}) its constant's name.
   */
  static String shortName(String frame) {
    int dot = frame.lastIndexOf('.');
    String type = frame.substring(0, dot);
    String method = frame.substring(dot + 1);
    if (method.startsWith("lambda$")) {
      method = method.split("\\$")[1];
    }
    return enumConstantName(type).orElse(type.substring(type.lastIndexOf('.') + 1)) + "." + method;
  }

  private static Optional<String> enumConstantName(String type) {
    try {
      Class<?> body = Class.forName(type, false, SamplingProfile.class.getClassLoader());
      Class<?> parent = body.getSuperclass();
      if (body.isAnonymousClass() && parent != null && parent.isEnum()) {
        for (Object constant : parent.getEnumConstants()) {
          if (constant.getClass() == body) {
            return Optional.of(parent.getSimpleName() + "." + constant);
          }
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // a hidden or unloadable class: keep its name
    }
    return Optional.empty();
  }

  private static void table(
      StringBuilder out, String title, Map<String, Integer> counts, int samples) {
    out.append("| ")
        .append(title)
        .append(" | share |\n|")
        .append("---|".repeat(title.split("\\|").length + 1))
        .append('\n');
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(TOP)
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %.1f%% |%n",
                        e.getKey(),
                        100.0 * e.getValue() / Math.max(1, samples))));
    out.append('\n');
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
