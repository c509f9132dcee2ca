package dev.tapegrad.autograd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void createsAndReplacesFiles() throws IOException {
    Path file = dir.resolve("a.txt");
    AtomicFile.write(file, out -> out.write("one".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("one", Files.readString(file));
    AtomicFile.write(file, out -> out.write("two".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("two", Files.readString(file));
    assertEquals(Set.of("a.txt"), names(dir));
  }

  @Test
  void contentFailingMidwayKeepsTheOldFile() throws IOException {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "old content");
    IOException failure = new IOException("disk full (simulated)");
    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      out.write(new byte[100_000]);
                      throw failure;
                    }));
    assertSame(failure, thrown);
    assertEquals("old content", Files.readString(file));
    assertEquals(Set.of("a.txt"), names(dir));
  }

  @Test
  void failingRenameKeepsTheTargetAndRemovesTheTempFile() throws IOException {
    // A non-empty directory cannot be replaced by a file, whatever the permissions (even as root).
    Path target = dir.resolve("ckpt.npz");
    Files.createDirectory(target);
    Files.writeString(target.resolve("inside.txt"), "keep me");
    assertThrows(
        IOException.class, () -> AtomicFile.write(target, out -> out.write(new byte[] {1, 2})));
    assertArrayEquals(
        "keep me".getBytes(StandardCharsets.US_ASCII),
        Files.readAllBytes(target.resolve("inside.txt")));
    assertEquals(Set.of("ckpt.npz"), names(dir));
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
