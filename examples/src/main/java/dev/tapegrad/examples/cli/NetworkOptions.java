package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.net.Network;
import java.util.Random;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --net} and {@code --seed} options shared by the commands that build a network. */
public final class NetworkOptions implements ValidatedOptions {
  @Option(
      names = "--net",
      defaultValue = "two-layer",
      description =
          "two-layer, multi-layer, multi-layer-extend, simple-conv or deep-conv (default: ${DEFAULT-VALUE}).")
  private String net;

  @Mixin private SeedOption seed;

  @Override
  public void validate() {
    kind();
  }

  public NetworkKind kind() {
    return NetworkKind.parse(net);
  }

  public long seed() {
    return seed.seed();
  }

  /** A fresh network of the chosen kind, seeded. */
  public Network create(double weightDecay, boolean batchNorm, double dropout) {
    return create(weightDecay, batchNorm, dropout, null);
  }

  /** The same with its weights drawn by {@code init} (null: the book's default). */
  public Network create(double weightDecay, boolean batchNorm, double dropout, WeightInit init) {
    return kind().create(weightDecay, batchNorm, dropout, init, new Random(seed()));
  }
}
