package dev.tapegrad.viz.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Byte-for-byte comparison with a golden file under {@code src/test/resources/diagrams}. Run the
 * tests with {@code -Dviz.updateGolden=true} to rewrite the files deliberately, then review the
 * diff.
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    if (Boolean.getBoolean("viz.updateGolden")) {
      Path file = Path.of("src/test/resources/diagrams", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = Golden.class.getResourceAsStream("/diagrams/" + name)) {
      if (in == null) {
        throw new AssertionError(
            "missing golden file diagrams/"
                + name
                + "; run with -Dviz.updateGolden=true to create it");
      }
      assertEquals(
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          actual,
          "output differs from golden file diagrams/" + name);
    }
  }
}
