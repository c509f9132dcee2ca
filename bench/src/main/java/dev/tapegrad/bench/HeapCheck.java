package dev.tapegrad.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Checks that tapegrad releases what a training step saved: SimpleConvNet Adam steps for a number
 * of epochs, and after each epoch a full GC and the heap still in use. A leak (tapes or saved
 * tensors kept alive) shows as a rising column.
 */
final class HeapCheck {
  private HeapCheck() {}

  /** Runs the epochs and returns a Markdown table of the heap in use after each. */
  static String run(int epochs, int stepsPerEpoch, PrintStream log) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "### Heap after each epoch (SimpleConvNet Adam, %d steps of batch 100 per epoch,"
                    + " after a full GC)%n%n| epoch | heap in use MB | loss |%n|---|---|---|%n",
                stepsPerEpoch));
    try (PreparedStep prepared = new TapegradPeer().prepare(Workload.SIMPLE_CONV_ADAM)) {
      TapegradTrainingStep step = (TapegradTrainingStep) prepared;
      out.append(String.format(Locale.ROOT, "| 0 | %.1f | – |%n", usedAfterGc(memory)));
      for (int epoch = 1; epoch <= epochs; epoch++) {
        for (int i = 0; i < stepsPerEpoch; i++) {
          step.run();
        }
        double used = usedAfterGc(memory);
        log.printf(Locale.ROOT, "heap check: epoch %d, %.1f MB in use%n", epoch, used);
        out.append(
            String.format(Locale.ROOT, "| %d | %.1f | %.4f |%n", epoch, used, step.lastLoss()));
      }
    }
    return out.toString();
  }

  private static double usedAfterGc(MemoryMXBean memory) {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
