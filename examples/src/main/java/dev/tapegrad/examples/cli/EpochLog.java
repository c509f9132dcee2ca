package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.train.EpochResult;
import dev.tapegrad.layers.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints the book's per-epoch line {@code epoch:10, train acc:0.55, test acc:0.41} for epoch 0,
 * every {@code every}-th epoch and the last one, for runs with many short epochs.
 */
public final class EpochLog implements TrainingListener {
  private final PrintStream out;
  private final String prefix;
  private final int every;
  private final int lastEpoch;

  /**
   * @param prefix printed before each line (for example the variant's name and a space)
   * @param every print every this many epochs (0: only epoch 0 and the last)
   * @param lastEpoch the number of epochs of the run
   */
  public EpochLog(PrintStream out, String prefix, int every, int lastEpoch) {
    this.out = out;
    this.prefix = prefix;
    this.every = every;
    this.lastEpoch = lastEpoch;
  }

  @Override
  public void epochFinished(EpochResult r) {
    int epoch = r.epoch();
    if (epoch == 0 || epoch == lastEpoch || (every > 0 && epoch % every == 0)) {
      out.printf(
          Locale.ROOT,
          "%sepoch:%d, train acc:%.4f, test acc:%.4f%n",
          prefix,
          epoch,
          r.trainAccuracy(),
          r.testAccuracy());
    }
  }
}
