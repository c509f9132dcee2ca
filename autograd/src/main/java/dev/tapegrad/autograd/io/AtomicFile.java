package dev.tapegrad.autograd.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a partial
 * file: the content goes to a temporary file in the same directory, which is flushed to disk and
 * then atomically renamed over the target. If anything fails, the target is untouched and the
 * temporary file is removed. Every file the project writes (checkpoints, diagrams, charts, CSV)
 * goes through here.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Produces the whole content of a file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out}; closing {@code out} is allowed but not needed. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Produces the whole content of a file by writing to the given path (for libraries that only take a file name). */
  @FunctionalInterface
  public interface FileContent {
    /** Writes the complete content into {@code file}, which exists and is empty. */
    void writeTo(Path file) throws IOException;
  }

  /** Replaces (or creates) {@code target} with what {@code content} writes, atomically. */
  public static void write(Path target, Content content) throws IOException {
    writeFile(target, temp -> {
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
    Path file = target.toAbsolutePath();
    Path directory = file.getParent();
    Files.createDirectories(directory);
    String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    Path temp =
        Files.createFile(directory.resolve("." + file.getFileName() + "." + random + ".tmp"));
    try {
      content.writeTo(temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (Throwable failure) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    }
    syncDirectory(directory);
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
