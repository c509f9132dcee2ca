package dev.tapegrad.examples;

import dev.tapegrad.examples.commands.BatchNormCommand;
import dev.tapegrad.examples.commands.ForwardCommand;
import dev.tapegrad.examples.commands.GatesCommand;
import dev.tapegrad.examples.commands.GradcheckCommand;
import dev.tapegrad.examples.commands.HyperparamsCommand;
import dev.tapegrad.examples.commands.InitCommand;
import dev.tapegrad.examples.commands.OptimizersCommand;
import dev.tapegrad.examples.commands.OverfitCommand;
import dev.tapegrad.examples.commands.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code tapegrad.jar}: the book, chapter by chapter, as subcommands
 * ({@code java -jar examples/target/tapegrad.jar --help} lists them).
 */
@Command(
    name = "tapegrad",
    mixinStandardHelpOptions = true,
    version = "tapegrad 0.1.0",
    description = "Deep Learning from Scratch, rebuilt on a Java autograd tape.",
    subcommands = {
      GatesCommand.class,
      ForwardCommand.class,
      TrainCommand.class,
      GradcheckCommand.class,
      OptimizersCommand.class,
      InitCommand.class,
      BatchNormCommand.class,
      OverfitCommand.class,
      HyperparamsCommand.class,
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
