package dev.tapegrad.examples.cli;

import java.io.IOException;

/**
 * Options that check themselves before their command does any work: a command, or a group of
 * options it mixes in. {@link CommandExecution} validates every one of them before it opens the
 * output directory and runs the command.
 */
public interface ValidatedOptions {
  /**
   * Checks the values given (see {@link Require}).
   *
   * @throws IllegalArgumentException naming the option whose value is not allowed (a usage error)
   * @throws IOException naming a file the options refer to that cannot be used
   */
  void validate() throws IOException;
}
