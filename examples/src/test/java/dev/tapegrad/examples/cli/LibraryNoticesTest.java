package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native BLAS is attempted only when the dynamic loader would find {@code libblas.so.3}. */
class LibraryNoticesTest {
  @TempDir Path dir;

  private Path cacheWith(String... paths) throws IOException {
    StringBuilder table = new StringBuilder("glibc-ld.so.cache1.1\0");
    for (String p : paths) {
      table.append(p).append('\0');
    }
    return Files.write(
        dir.resolve("ld.so.cache"), table.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aLibraryInTheLoadersCacheIsVisible() throws IOException {
    Path cache =
        cacheWith("/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libblas.so.3");
    assertTrue(LibraryNotices.systemBlasVisible(cache, List.of()));
  }

  @Test
  void otherBlasLibrariesInTheCacheAreNotTheOneNetlibOpens() throws IOException {
    Path cache = cacheWith("/usr/lib/libcblas.so.3", "/usr/lib/libblas.so.30", "/opt/libblas.so");
    assertFalse(LibraryNotices.systemBlasVisible(cache, List.of()));
  }

  @Test
  void aLibraryInASearchedDirectoryIsVisible() throws IOException {
    Path lib = Files.createDirectory(dir.resolve("lib"));
    Path cache = cacheWith("/lib/x86_64-linux-gnu/libm.so.6");
    assertFalse(LibraryNotices.systemBlasVisible(cache, List.of(lib)));
    Files.createFile(lib.resolve("libblas.so.3"));
    assertTrue(LibraryNotices.systemBlasVisible(cache, List.of(dir.resolve("elsewhere"), lib)));
  }

  @Test
  void withoutACacheNothingIsVisible() {
    assertFalse(LibraryNotices.systemBlasVisible(dir.resolve("no-cache"), List.of(dir)));
  }
}
