package dev.tapegrad.examples.experiments;

import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.optim.Optimizer;
import dev.tapegrad.layers.train.Trainer;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Networks trained side by side on the same mini-batches, as the book's comparison scripts do
 * (optimizers, Fig 6-9; weight initialisations, Fig 6-15): each iteration draws one batch at random
 * with replacement and every contender takes one {@link Trainer#step} on it. Records the loss of
 * every contender at every iteration (computed before that iteration's update).
 */
public final class SameBatchComparison {
  private final Map<String, Trainer> contenders = new LinkedHashMap<>();
  private final int batchSize;

  /** A comparison that trains on mini-batches of {@code batchSize}. */
  public SameBatchComparison(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /** Adds a contender under a unique name; returns this. */
  public SameBatchComparison add(String name, Network network, Optimizer optimizer) {
    if (contenders.containsKey(name)) {
      throw new IllegalArgumentException("duplicate contender '" + name + "'");
    }
    contenders.put(name, new Trainer(network, optimizer, new Trainer.Config(0, batchSize, 0, 0)));
    return this;
  }

  /**
   * Runs {@code iterations} iterations on batches drawn from {@code train} with {@code seed}. With
   * {@code logEvery > 0}, prints every contender's loss at iterations 0, logEvery, 2·logEvery, ...
   * in the book's format; at the end prints the mean loss of the last 100 iterations and the time.
   */
  public LossCurves run(Dataset train, int iterations, long seed, PrintStream log, int logEvery) {
    if (contenders.isEmpty()) {
      throw new IllegalStateException("a comparison needs at least one contender");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
    }
    Map<String, double[]> losses = new LinkedHashMap<>();
    contenders.keySet().forEach(name -> losses.put(name, new double[iterations]));
    long started = System.nanoTime();
    SplittableRandom batches = new SplittableRandom(seed);
    for (int i = 0; i < iterations; i++) {
      Dataset batch = train.rows(batches.ints(batchSize, 0, train.size()).toArray());
      for (Map.Entry<String, Trainer> c : contenders.entrySet()) {
        losses.get(c.getKey())[i] = c.getValue().step(batch.images(), batch.labels());
      }
      if (logEvery > 0 && i % logEvery == 0) {
        log.println("===========iteration:" + i + "===========");
        for (String name : contenders.keySet()) {
          log.println(name + ":" + losses.get(name)[i]);
        }
      }
    }
    LossCurves curves = new LossCurves(losses);
    log.println(curves.tailSummary(100));
    log.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
    return curves;
  }
}
