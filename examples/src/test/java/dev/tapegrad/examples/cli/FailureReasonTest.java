package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** File problems read as the shell reports them; other failures by their message. */
class FailureReasonTest {
  @Test
  void fileProblemsNameTheFileAndTheOperatingSystemsReason() {
    assertEquals("a.npz: no such file", FailureReason.of(new NoSuchFileException("a.npz")));
    assertEquals("a.npz: permission denied", FailureReason.of(new AccessDeniedException("a.npz")));
    assertEquals("out: file exists", FailureReason.of(new FileAlreadyExistsException("out")));
    assertEquals(
        "out/x: not a directory",
        FailureReason.of(new FileSystemException("out/x", null, "Not a directory")));
    assertEquals(
        "read-only file system",
        FailureReason.withoutFile(new FileSystemException("out/x", null, "Read-only file system")));
    assertEquals(
        "a.npz: permission denied",
        FailureReason.of(new UncheckedIOException(new AccessDeniedException("a.npz"))));
  }

  @Test
  void operatingSystemMessagesAreLowerCasedButNamesAreKept() {
    assertEquals(
        "no space left on device", FailureReason.of(new IOException("No space left on device")));
    assertEquals("MNIST needs 4 files", FailureReason.of(new IOException("MNIST needs 4 files")));
    assertEquals(
        "Data/x.idx: truncated", FailureReason.of(new IOException("Data/x.idx: truncated")));
  }

  @Test
  void aFailureWithoutMessageIsAnInternalError() {
    assertEquals(
        "internal error: java.lang.NullPointerException (--verbose shows where)",
        FailureReason.of(new NullPointerException()));
    assertEquals(
        "internal error: java.io.IOException (--verbose shows where)",
        FailureReason.of(new IOException()));
  }
}
