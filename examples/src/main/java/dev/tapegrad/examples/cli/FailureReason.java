package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.io.FileProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.regex.Pattern;

/**
 * Why a command failed, in words for its one-line error: a file problem as {@code <file>: <reason>}
 * with the operating system's reason as {@link FileProblem} words it ({@code no such file}, {@code
 * permission denied}, {@code no space left on device}); bad input and failed training as their own
 * message; running out of memory or stack as such; anything else, which is a bug, as {@code
 * internal error} with the exception's class.
 */
public final class FailureReason {
  /** An operating system's error text, as Java passes it on: {@code No space left on device}. */
  private static final Pattern OS_REASON = Pattern.compile("[A-Z][a-z]+ [^:]*");

  private FailureReason() {}

  /** The reason {@code failure} gives, in one line. */
  public static String of(Throwable failure) {
    if (failure instanceof UncheckedIOException unchecked
        && unchecked.getMessage().equals(String.valueOf(unchecked.getCause()))) {
      return of(unchecked.getCause());
    }
    if (failure instanceof FileSystemException file) {
      return fileProblem(file);
    }
    if (failure instanceof OutOfMemoryError) {
      return "out of memory ("
          + failure.getMessage()
          + "); give Java more with -Xmx, or use less"
          + " data or smaller batches";
    }
    if (failure instanceof StackOverflowError) {
      return "stack overflow; give Java a larger stack with -Xss";
    }
    String message = firstLine(failure.getMessage());
    if (failure instanceof IOException io && OS_REASON.matcher(message).matches()) {
      return FileProblem.reason(io);
    }
    boolean expected =
        failure instanceof IOException
            || failure instanceof UncheckedIOException
            || failure instanceof IllegalArgumentException
            || failure instanceof IllegalStateException
            || failure instanceof ArithmeticException;
    if (expected && !message.isEmpty()) {
      return message;
    }
    return "internal error: "
        + failure.getClass().getName()
        + (message.isEmpty() ? "" : ": " + message)
        + " (--verbose shows where)";
  }

  /**
   * As {@link #of} but without the file a file problem concerns, for messages that name the file
   * already (the one being written rather than its temporary file).
   */
  public static String withoutFile(Throwable failure) {
    return failure instanceof FileSystemException e ? FileProblem.reason(e) : of(failure);
  }

  /** {@code <file>: <reason>}. */
  private static String fileProblem(FileSystemException e) {
    String file = e.getFile() == null ? "" : e.getFile();
    String other = e.getOtherFile() == null ? "" : " -> " + e.getOtherFile();
    String reason = FileProblem.reason(e);
    return file.isEmpty() && other.isEmpty() ? reason : file + other + ": " + reason;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
