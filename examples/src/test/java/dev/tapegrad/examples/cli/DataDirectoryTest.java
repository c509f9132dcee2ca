package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @TempDir Path root;

  @Test
  void findsSharedDataBesideTheRepositoryFromDeepInside() throws IOException {
    Path weights = Files.createDirectories(root.resolve("shared/data/book-weights"));
    Path module = Files.createDirectories(root.resolve("clone/layers/target"));
    assertEquals(Optional.of(weights), DataDirectory.find("book-weights", null, module));
  }

  @Test
  void configuredDirectoryWinsAndIsNotSearchedAround() throws IOException {
    Files.createDirectories(root.resolve("shared/data/book-weights"));
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere/book-weights"));
    Path start = root.resolve("shared");
    assertEquals(
        Optional.of(elsewhere),
        DataDirectory.find("book-weights", root.resolve("elsewhere").toString(), start));
    assertEquals(
        Optional.empty(),
        DataDirectory.find("book-weights", root.resolve("nothing").toString(), start));
  }

  @Test
  void absentDataGivesEmpty() throws IOException {
    Files.createDirectories(root.resolve("shared/data/mnist-sample"));
    assertEquals(Optional.empty(), DataDirectory.find("book-weights", null, root));
  }
}
