package dev.tapegrad.examples.cli;

import dev.tapegrad.autograd.Backend;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How every command runs, and how it fails. In order: the libraries' start-up notices are kept off
 * standard error unless {@code --verbose} ({@link LibraryNotices}); the JVM's {@code tapegrad.*}
 * properties and every {@link ValidatedOptions} of the command are checked; its output directory is
 * opened ({@link Outputs#open}); the command runs; its staged files are moved into place and
 * listed.
 *
 * <p>Under {@code --verbose}, two lines on standard error say which BLAS library and SIMD path do
 * the arithmetic ({@link Backend}) before the command runs.
 *
 * <p>A failure is one line on standard error, {@code <command>: <reason>} ({@link FailureReason}),
 * followed by the stack trace only under {@code --verbose}; when a command that had started fails
 * without having put any file in place, the line ends with {@code ; nothing was written}. Exit
 * codes: 2 for a usage error (an unknown option, a value out of range, no command), 1 for any other
 * failure, including errors such as running out of memory; else what the command returned.
 */
public final class CommandExecution implements IExecutionStrategy, IParameterExceptionHandler {
  private final BooleanSupplier verbose;

  /**
   * @param verbose whether {@code --verbose} was given (read when a failure is reported)
   */
  public CommandExecution(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int execute(ParseResult parsed) {
    LibraryNotices.configure(verbose.getAsBoolean());
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    List<CommandLine> chain = parsed.asCommandLineList();
    CommandLine command = chain.get(chain.size() - 1);
    List<Object> parts = optionHolders(command.getCommandSpec());
    Outputs outputs =
        parts.stream()
            .filter(Outputs.class::isInstance)
            .map(Outputs.class::cast)
            .findFirst()
            .orElse(null);
    try {
      validate(parts);
      if (outputs != null) {
        outputs.open();
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command, e.getMessage(), e);
    } catch (IOException | RuntimeException | Error e) {
      return fail(command, e, "");
    }
    if (verbose.getAsBoolean()) {
      PrintWriter err = command.getErr();
      err.println("tapegrad: BLAS " + Backend.blas());
      err.println("tapegrad: SIMD " + Backend.simd());
      err.flush();
    }
    try {
      int code = call(command.getCommand());
      if (outputs != null) {
        outputs.commit();
        outputs.report(System.out);
      }
      return code;
    } catch (ParameterException e) {
      throw e;
    } catch (Exception | Error e) {
      if (outputs == null) {
        return fail(command, e, "");
      }
      outputs.discard();
      return fail(command, e, outputs.anyInPlace() ? "" : "; nothing was written");
    }
  }

  /**
   * Parse errors (pointing to the command's help) and option values out of range: one line naming
   * the command, exit 2.
   */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String help =
        e.getCause() == null
            ? " (see " + command.getCommandSpec().qualifiedName() + " --help)"
            : "";
    command
        .getErr()
        .println(command.getCommandName() + ": " + prefixRemoved(command, e.getMessage()) + help);
    return ExitCode.USAGE;
  }

  private int fail(CommandLine command, Throwable failure, String suffix) {
    PrintWriter err = command.getErr();
    err.println(
        command.getCommandName()
            + ": "
            + prefixRemoved(command, FailureReason.of(failure))
            + suffix);
    if (verbose.getAsBoolean()) {
      failure.printStackTrace(err);
    }
    err.flush();
    return ExitCode.SOFTWARE;
  }

  /** {@code message} without a leading {@code <command>: }, which the line starts with anyway. */
  private static String prefixRemoved(CommandLine command, String message) {
    String prefix = command.getCommandName() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static void validate(List<Object> parts) throws IOException {
    validateProperties();
    for (Object part : parts) {
      if (part instanceof ValidatedOptions options) {
        options.validate();
      }
    }
  }

  /** The {@code tapegrad.*} system properties are usable. */
  private static void validateProperties() {
    Backend.checkSettings();
  }

  /** The command's mixins (and theirs), then the command itself. */
  private static List<Object> optionHolders(CommandSpec spec) {
    List<Object> holders = new ArrayList<>();
    for (CommandSpec mixin : spec.mixins().values()) {
      holders.addAll(optionHolders(mixin));
    }
    holders.add(spec.userObject());
    return holders;
  }

  private static int call(Object command) throws Exception {
    if (command instanceof Callable<?> callable) {
      Object result = callable.call();
      return result instanceof Integer code ? code : ExitCode.OK;
    }
    ((Runnable) command).run();
    return ExitCode.OK;
  }
}
