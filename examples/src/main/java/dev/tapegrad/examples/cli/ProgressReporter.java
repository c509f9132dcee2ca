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
 * line per epoch (loss, train and test accuracy, time) on standard output. Closing it ends the bar
 * of an epoch that training left unfinished (it failed), so that an error starts on a new line.
 */
public final class ProgressReporter implements TrainingListener, AutoCloseable {
  private final PrintStream out;
  private final int batchSize;
  private ProgressBar bar;
  private long started;

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
    out.printf(
        Locale.ROOT,
        "epoch %3d  loss %s  train acc %.4f  test acc %.4f  %.1f s%n",
        r.epoch(),
        Double.isNaN(r.meanLoss()) ? "   -  " : String.format(Locale.ROOT, "%.4f", r.meanLoss()),
        r.trainAccuracy(),
        r.testAccuracy(),
        r.seconds());
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
