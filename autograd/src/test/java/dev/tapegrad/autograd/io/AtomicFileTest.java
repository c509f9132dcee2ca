package dev.tapegrad.autograd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes, their two-step form, and what becomes of their temporary files. */
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

  @Test
  void begunWritesAreCommittedOrLeaveNothing() throws IOException {
    Path kept = dir.resolve("kept.txt");
    Path dropped = dir.resolve("dropped.txt");
    Files.writeString(dropped, "old");
    try (AtomicFile.Pending a = AtomicFile.begin(kept);
        AtomicFile.Pending b = AtomicFile.begin(dropped)) {
      Files.writeString(a.file(), "new");
      Files.writeString(b.file(), "new");
      String temp = "\\.kept\\.txt\\.[0-9a-z]+-" + ProcessHandle.current().pid() + "\\.tmp";
      assertEquals(dir, a.file().getParent());
      assertTrue(a.file().getFileName().toString().matches(temp), a.file().toString());
      a.commit();
      assertThrows(IllegalStateException.class, a::commit);
    }
    assertEquals("new", Files.readString(kept));
    assertEquals("old", Files.readString(dropped));
    assertEquals(Set.of("kept.txt", "dropped.txt"), names(dir));
  }

  @Test
  void theFirstWriteIntoADirectoryRemovesStaleTemporaryFiles() throws IOException {
    long self = ProcessHandle.current().pid();
    long alive = ProcessHandle.current().parent().orElseThrow().pid();
    FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    // left by a process that is gone (kill -9), or old with this process's id or without one
    Path deadWriter = Files.createFile(dir.resolve(".ckpt.npz.1x2y3z-999999999.tmp"));
    Path oldOfThisId = Files.createFile(dir.resolve(".a.csv.k3j9-" + self + ".tmp"));
    Files.setLastModifiedTime(oldOfThisId, hourAgo);
    Path oldWithoutId = Files.createFile(dir.resolve(".loss.png.abc123.tmp"));
    Files.setLastModifiedTime(oldWithoutId, hourAgo);
    // a live process's write, recent ones of this id or none, and look-alikes stay
    Path liveWriter = Files.createFile(dir.resolve(".b.csv.k3j9-" + alive + ".tmp"));
    Path recentOfThisId = Files.createFile(dir.resolve(".d.csv.k3j9-" + self + ".tmp"));
    Path recentWithoutId = Files.createFile(dir.resolve(".c.csv.abc123.tmp"));
    for (String name : List.of(".hidden.tmp", "notes.tmp", ".x.ABC.tmp", ".y.abc.txt")) {
      Files.setLastModifiedTime(Files.createFile(dir.resolve(name)), hourAgo);
    }
    AtomicFile.writeString(dir.resolve("a.csv"), "x\n");
    assertTrue(Files.notExists(deadWriter));
    assertTrue(Files.notExists(oldOfThisId));
    assertTrue(Files.notExists(oldWithoutId));
    assertEquals(
        Set.of(
            "a.csv",
            liveWriter.getFileName().toString(),
            recentOfThisId.getFileName().toString(),
            recentWithoutId.getFileName().toString(),
            ".hidden.tmp",
            "notes.tmp",
            ".x.ABC.tmp",
            ".y.abc.txt"),
        names(dir));
  }

  @Test
  void sigtermDuringAWriteRemovesTheTemporaryFile() throws Exception {
    Path target = dir.resolve("large.bin");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SlowWriter.class.getName(),
                target.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("writing", out.readLine());
      assertEquals(1, names(dir).size(), "the temporary file exists: " + names(dir));
      writer.destroy(); // SIGTERM
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
    } finally {
      writer.destroyForcibly();
    }
    assertEquals(143, writer.exitValue(), "128 + SIGTERM");
    assertEquals(Set.of(), names(dir));
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
