package dev.tapegrad.layers.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A plain-text {@link TrainingListener}: one {@link EpochResult#summary()} line per evaluation and,
 * if asked, a line every {@code every} iterations with the last loss and the time since the epoch
 * began. Needs no terminal, so it suits logs as well as consoles:
 *
 * <pre>{@code
 * new Trainer(net, new Adam(0.001), new Trainer.Config(5, 100, 1))
 *     .listener(new ProgressPrinter(System.out, 100))
 *     .fit(data.train(), data.test());
 * }</pre>
 */
public final class ProgressPrinter implements TrainingListener {
  private final PrintStream out;
  private final int every;
  private int iterations;
  private long epochStarted;

  /** Prints one line per epoch to {@code out}. */
  public ProgressPrinter(PrintStream out) {
    this(out, 0);
  }

  /** Prints one line per epoch, and one every {@code every} iterations (0: none) to {@code out}. */
  public ProgressPrinter(PrintStream out, int every) {
    if (every < 0) {
      throw new IllegalArgumentException(
          "progress printer: every must be >= 0 iterations, got " + every);
    }
    this.out = out;
    this.every = every;
  }

  @Override
  public void epochStarted(int epoch, int iterations) {
    this.iterations = iterations;
    this.epochStarted = System.nanoTime();
  }

  @Override
  public void iterationFinished(int epoch, int iteration, double loss) {
    if (every > 0 && iteration % every == 0) {
      out.printf(
          Locale.ROOT,
          "epoch %3d  iteration %d/%d  loss %.4f  %.1f s%n",
          epoch,
          iteration,
          iterations,
          loss,
          (System.nanoTime() - epochStarted) / 1e9);
    }
  }

  @Override
  public void epochFinished(EpochResult result) {
    out.println(result.summary());
  }
}
