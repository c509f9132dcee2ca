package dev.tapegrad.autograd.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a partial
 * file: the content goes to a temporary file in the same directory, which is flushed to disk and
 * then atomically renamed over the target. If anything fails, the target is untouched and the
 * temporary file is removed. Every file the project writes (checkpoints, diagrams, charts, CSV)
 * goes through here.
 *
 * <p>The temporary file is {@code .<name>.<random>-<pid>.tmp}. It is also removed when the JVM is
 * stopped during the write (SIGTERM, Ctrl-C), and one left by a killed process is removed the next
 * time a JVM writes into its directory.
 *
 * <p>{@link #begin} splits a write in two, so that several files can be written first and moved
 * into place together once all of them were written.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Produces the whole content of a file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out}; closing {@code out} is allowed but not needed. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Produces the whole content of a file by writing to the given path (for libraries that only take
   * a file name).
   */
  @FunctionalInterface
  public interface FileContent {
    /** Writes the complete content into {@code file}, which exists and is empty. */
    void writeTo(Path file) throws IOException;
  }

  /** Replaces (or creates) {@code target} with what {@code content} writes, atomically. */
  public static void write(Path target, Content content) throws IOException {
    writeFile(
        target,
        temp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
            content.writeTo(out);
          }
        });
  }

  /** Replaces (or creates) {@code target} with {@code text} in UTF-8, atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Replaces (or creates) {@code target} with the file {@code content} writes at a temporary path
   * beside it, atomically. Creates missing parent directories.
   */
  public static void writeFile(Path target, FileContent content) throws IOException {
    try (Pending pending = begin(target)) {
      content.writeTo(pending.file());
      pending.commit();
    }
  }

  /**
   * Starts a write of {@code target}: creates missing parent directories and an empty temporary
   * file beside it, which the caller fills and then {@link Pending#commit commits}; closing the
   * result without committing deletes the temporary file and leaves the target untouched.
   */
  public static Pending begin(Path target) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    Files.createDirectories(file.getParent());
    return new Pending(file, TempFiles.create(file));
  }

  /** A write started by {@link #begin}: its temporary file, to be committed or discarded. */
  public static final class Pending implements Closeable {
    private final Path target;
    private final Path temp;
    private boolean finished;

    private Pending(Path target, Path temp) {
      this.target = target;
      this.temp = temp;
    }

    /** The file the content goes to, beside the target. */
    public Path file() {
      return temp;
    }

    /** The file this write replaces or creates (absolute). */
    public Path target() {
      return target;
    }

    /**
     * Flushes the temporary file to disk and renames it over the target, atomically.
     *
     * @throws IllegalStateException if the write was already committed or discarded
     */
    public void commit() throws IOException {
      if (finished) {
        throw new IllegalStateException("the write of " + target + " is already finished");
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      finished = true;
      TempFiles.release(temp);
      syncDirectory(target.getParent());
    }

    /** Deletes the temporary file unless the write was committed; the target stays as it was. */
    @Override
    public void close() throws IOException {
      if (finished) {
        return;
      }
      finished = true;
      try {
        Files.deleteIfExists(temp);
      } finally {
        TempFiles.release(temp);
      }
    }
  }

  /** Makes the rename durable where the platform allows opening a directory (Linux, macOS). */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupported) {
      // The new file is complete and in place; only the durability of the rename is best effort.
    }
  }
}
