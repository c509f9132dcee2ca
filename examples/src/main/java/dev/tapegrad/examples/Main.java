package dev.tapegrad.examples;

import dev.tapegrad.examples.commands.AppleCommand;
import dev.tapegrad.examples.commands.BatchNormCommand;
import dev.tapegrad.examples.commands.DownloadCommand;
import dev.tapegrad.examples.commands.FiltersCommand;
import dev.tapegrad.examples.commands.ForwardCommand;
import dev.tapegrad.examples.commands.GatesCommand;
import dev.tapegrad.examples.commands.GradcheckCommand;
import dev.tapegrad.examples.commands.GraphCommand;
import dev.tapegrad.examples.commands.HyperparamsCommand;
import dev.tapegrad.examples.commands.InferCommand;
import dev.tapegrad.examples.commands.InitCommand;
import dev.tapegrad.examples.commands.MisclassifiedCommand;
import dev.tapegrad.examples.commands.NumericalCommand;
import dev.tapegrad.examples.commands.OptimizersCommand;
import dev.tapegrad.examples.commands.OverfitCommand;
import dev.tapegrad.examples.commands.TourCommand;
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
      InferCommand.class,
      NumericalCommand.class,
      AppleCommand.class,
      TrainCommand.class,
      GradcheckCommand.class,
      GraphCommand.class,
      OptimizersCommand.class,
      InitCommand.class,
      BatchNormCommand.class,
      OverfitCommand.class,
      HyperparamsCommand.class,
      FiltersCommand.class,
      MisclassifiedCommand.class,
      DownloadCommand.class,
      TourCommand.class,
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::report).execute(args);
  }

  /**
   * Bad input and file problems are reported as one line naming the command (exit 1); anything
   * else is a bug and keeps its stack trace.
   */
  private static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
        || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      command.getErr().println(command.getCommandName() + ": " + e.getMessage());
      return 1;
    }
    throw e;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
