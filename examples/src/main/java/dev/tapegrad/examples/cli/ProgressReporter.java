package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.train.EpochResult;
import dev.tapegrad.layers.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a progress bar per epoch (loss and images per second) on standard error and one summary
 * line per epoch ({@link EpochResult#summary()}: loss, train and test accuracy, training and
 * evaluation time) on standard output; {@link dev.tapegrad.layers.train.ProgressPrinter} is the
 * library's plain-text counterpart. Closing it ends the bar of an epoch that training left
 * unfinished (it failed), so that an error starts on a new line.
 */
public final class ProgressReporter implements TrainingListener, AutoCloseable {
  private final PrintStream out;
  private final int batchSize;
  private ProgressBar bar;
  private long started;

  /** Prints epoch lines to {@code out}; {@code batchSize} gives the images per second. */
  public ProgressReporter(PrintStream out, int batchSize) {
    this.out = out;
    this.batchSize = batchSize;
  }

  @Override
  public void epochStarted(int epoch, int iterations) {
    started = System.nanoTime();
    bar =
        new ProgressBarBuilder()
            .setTaskName("epoch " + epoch)
            .setInitialMax(iterations)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
  }

  @Override
  public void iterationFinished(int epoch, int iteration, double loss) {
    double seconds = (System.nanoTime() - started) / 1e9;
    bar.step();
    bar.setExtraMessage(
        String.format(Locale.ROOT, "loss %.4f, %.0f img/s", loss, iteration * batchSize / seconds));
  }

  @Override
  public void epochFinished(EpochResult r) {
    close();
    out.println(r.summary());
  }

  /** Ends the current epoch's progress bar, if one is showing. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
