package dev.tapegrad.examples;

import dev.tapegrad.examples.cli.CommandExecution;
import dev.tapegrad.examples.cli.VectorApiRelaunch;
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
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code tapegrad.jar}: the book, chapter by chapter, as subcommands ({@code java
 * -jar examples/target/tapegrad.jar --help} lists them).
 */
@Command(
    name = "tapegrad",
    mixinStandardHelpOptions = true,
    version = "tapegrad 0.1.0",
    description = "Deep Learning from Scratch, rebuilt on a Java autograd tape.",
    footer = {
      "",
      "Exit status: 0 success, 1 failure (one line on standard error; --verbose adds"
          + " the stack trace), 2 usage error."
    },
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
public final class Main implements Callable<Integer> {
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "Say which BLAS library and SIMD path do the arithmetic, and show the libraries'"
              + " start-up notices, hidden otherwise; on failure, print the stack trace after"
              + " the one-line error.")
  private boolean verbose;

  @Spec private CommandSpec spec;

  /**
   * Runs the CLI and exits with its status; first restarts it with the Vector API if this JVM lacks
   * it ({@link VectorApiRelaunch}).
   */
  public static void main(String[] args) {
    OptionalInt relaunched = VectorApiRelaunch.runIfNeeded(Main.class, args);
    System.exit(relaunched.isPresent() ? relaunched.getAsInt() : run(args));
  }

  /**
   * Runs the CLI and returns its exit code (for tests): 0 on success, 1 when the command failed, 2
   * for a usage error.
   */
  public static int run(String... args) {
    Main main = new Main();
    CommandExecution execution = new CommandExecution(() -> main.verbose);
    return new CommandLine(main)
        .setExecutionStrategy(execution)
        .setParameterExceptionHandler(execution)
        .execute(args);
  }

  /** Whether {@code --verbose} was given. */
  public boolean verbose() {
    return verbose;
  }

  /** Without a command: the usage on standard error, and a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }
}
