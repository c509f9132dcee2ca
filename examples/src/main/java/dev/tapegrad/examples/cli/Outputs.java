package dev.tapegrad.examples.cli;

import dev.tapegrad.autograd.io.AtomicFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --out DIR} option shared by every command, and the files the command writes.
 *
 * <p>The directory is created and probed with a real file before the command starts ({@link
 * #open}). Every file is then staged: written in full, while the command runs, to a temporary file
 * beside its target ({@link AtomicFile#begin}), and moved into place, in the order written, only
 * once the command has succeeded ({@link #commit}). A command that fails, including a write that
 * fails for a full disk, leaves the files of earlier runs as they were and none of its own ({@link
 * #discard}); SIGTERM and Ctrl-C leave no temporary files either.
 */
public final class Outputs implements ValidatedOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out",
      description = "Directory for the files this command writes (default: ${DEFAULT-VALUE}).")
  private Path directory;

  private final List<AtomicFile.Pending> staged = new ArrayList<>();
  private final List<Path> written = new ArrayList<>();
  private boolean anyInPlace;

  @Override
  public void validate() {
    Require.nonEmpty("--out", directory);
  }

  /**
   * Creates the output directory if needed and checks that files can be created in it.
   *
   * @throws IOException naming the directory and the operating system's reason
   */
  public void open() throws IOException {
    Require.writableDirectory("--out", directory);
  }

  /**
   * Writes {@code name} under the output directory: {@code content} fills a staged file now, which
   * {@link #commit} moves into place.
   *
   * @throws IOException naming the file that could not be written and why
   */
  public void write(String name, AtomicFile.FileContent content) throws IOException {
    stage(directory.resolve(name), content);
  }

  /** Writes {@code text} to {@code name} under the output directory, in UTF-8, staged. */
  public void writeText(String name, String text) throws IOException {
    write(name, file -> Files.writeString(file, text));
  }

  /**
   * Writes a file the user named in an option, relative to the working directory rather than the
   * output directory, staged like the others.
   */
  public void writeUserFile(Path file, AtomicFile.FileContent content) throws IOException {
    stage(file, content);
  }

  /** Records a file written in place by the command itself (a download), for the report. */
  public void recordWritten(Path file) {
    written.add(file);
    anyInPlace = true;
  }

  /**
   * Moves the staged files into place in the order they were written (so a command that writes its
   * checkpoint last replaces it last). The renames need no disk space; should one still fail, the
   * files not yet moved are discarded.
   *
   * @throws IOException naming the file that could not be moved into place
   */
  public void commit() throws IOException {
    try {
      for (AtomicFile.Pending pending : staged) {
        try {
          pending.commit();
          anyInPlace = true;
        } catch (IOException e) {
          throw new IOException(
              "cannot write " + pending.target() + ": " + FailureReason.withoutFile(e), e);
        }
      }
    } finally {
      discard();
    }
  }

  /** Deletes the staged files that were not moved into place; the targets stay as they were. */
  public void discard() {
    for (AtomicFile.Pending pending : staged) {
      try {
        pending.close();
      } catch (IOException e) {
        // AtomicFile removes it as stale the next time a command writes into that directory.
      }
    }
    staged.clear();
  }

  /**
   * Whether any file of the command is in place: written there directly, or already moved by {@link
   * #commit}. If not, a failed command wrote nothing.
   */
  public boolean anyInPlace() {
    return anyInPlace;
  }

  public Path directory() {
    return directory;
  }

  /** Prints the files written, one per line. */
  public void report(PrintStream out) {
    if (written.isEmpty()) {
      return;
    }
    out.println("wrote:");
    written.stream().distinct().forEach(p -> out.println("  " + p));
  }

  private void stage(Path target, AtomicFile.FileContent content) throws IOException {
    try {
      if (Files.isDirectory(target)) {
        throw new FileSystemException(target.toString(), null, "is a directory");
      }
      AtomicFile.Pending pending = AtomicFile.begin(target);
      staged.add(pending);
      content.writeTo(pending.file());
    } catch (IOException | UncheckedIOException e) {
      throw new IOException("cannot write " + target + ": " + FailureReason.withoutFile(e), e);
    }
    written.add(target);
  }
}
