package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Backend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * No failure, not even an {@link Error}, reaches the user as more than one line; {@code --verbose}
 * adds the backend in use and the stack trace.
 */
class CommandExecutionTest {
  /** A command that fails as it is told. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Option(names = "--with")
    String failure;

    @Override
    public Integer call() {
      return switch (failure) {
        case "out-of-memory" -> new long[Integer.MAX_VALUE].length;
        case "stack-overflow" -> recurse(0);
        case "bug" -> failure.substring(99).length();
        default -> throw new IllegalStateException("the model is not ready");
      };
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }
  }

  private static String run(boolean verbose, String failure) {
    StringWriter err = new StringWriter();
    CommandExecution execution = new CommandExecution(() -> verbose);
    int code =
        new CommandLine(new Boom())
            .setExecutionStrategy(execution)
            .setParameterExceptionHandler(execution)
            .setErr(new PrintWriter(err, true))
            .execute("--with", failure);
    assertEquals(1, code, err::toString);
    return err.toString();
  }

  @Test
  void errorsAndBugsAreOneLine() {
    assertEquals(
        "boom: out of memory (Requested array size exceeds VM limit); give Java more with"
            + " -Xmx, or use less data or smaller batches\n",
        run(false, "out-of-memory"));
    assertEquals(
        "boom: stack overflow; give Java a larger stack with -Xss\n", run(false, "stack-overflow"));
    String bug = run(false, "bug");
    assertTrue(
        bug.startsWith("boom: internal error: java.lang.StringIndexOutOfBoundsException: "), bug);
    assertTrue(bug.endsWith(" (--verbose shows where)\n") && bug.lines().count() == 1, bug);
    assertEquals("boom: the model is not ready\n", run(false, "other"));
  }

  @Test
  void verboseNamesTheBackendAndAddsTheStackTrace() {
    String err = run(true, "stack-overflow");
    String backend =
        "tapegrad: BLAS " + Backend.blas() + "\ntapegrad: SIMD " + Backend.simd() + "\n";
    assertTrue(
        err.startsWith(
            backend
                + "boom: stack overflow; give Java a larger stack with -Xss\n"
                + "java.lang.StackOverflowError\n\tat "),
        err.substring(0, 400));
  }
}
