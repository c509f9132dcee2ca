package dev.tapegrad.examples.cli;

import dev.tapegrad.autograd.io.AtomicFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --out DIR} option shared by every command, and the list of files a command wrote,
 * printed at its end. Text files are written atomically (temp file, then move).
 */
public final class Outputs {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out",
      description = "Directory for the files this command writes (default: ${DEFAULT-VALUE}).")
  private Path directory;

  private final List<Path> written = new ArrayList<>();

  /** The path of {@code name} under the output directory (created if needed), recorded as written. */
  public Path file(String name) {
    return userFile(directory.resolve(name));
  }

  /**
   * A file the user named in an option, relative to the working directory rather than the output
   * directory: its directory is created if needed and the file recorded as written.
   */
  public Path userFile(Path p) {
    try {
      Files.createDirectories(p.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + p.toAbsolutePath().getParent(), e);
    }
    written.add(p);
    return p;
  }

  /** Writes {@code text} to {@code name} atomically. */
  public Path writeText(String name, String text) {
    Path target = file(name);
    try {
      AtomicFile.writeString(target, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return target;
  }

  public Path directory() {
    return directory;
  }

  /** Sets the directory (for commands that run others, like {@code tour}). */
  public void setDirectory(Path dir) {
    this.directory = dir;
  }

  /** The files written so far, in order. */
  public List<Path> written() {
    return List.copyOf(written);
  }

  /** Prints the files written, one per line. */
  public void report(PrintStream out) {
    if (written.isEmpty()) {
      return;
    }
    out.println("wrote:");
    written.stream().distinct().forEach(p -> out.println("  " + p));
  }
}
