package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --out} is created and probed with a real file before a command loads data or trains: a
 * directory that cannot take files fails at once with the operating system's reason.
 */
class OutputDirectoryTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"file.txt, file exists", "file.txt/sub, not a directory"})
  void anOutputThatIsOrLiesUnderAFileFailsBeforeAnyWork(String name, String reason)
      throws IOException {
    Files.writeString(dir.resolve("file.txt"), "a file");
    Path out = dir.resolve(name);
    Cli.Result r = Cli.run(out, "train");
    assertEquals(1, r.exitCode());
    assertEquals("train: --out " + out + ": " + reason + "\n", r.err());
    assertEquals("", r.out(), "no data loaded, no training");
  }

  @Test
  void aReadOnlyOutputFailsBeforeAnyWork() throws IOException {
    Path readOnly =
        Files.createDirectory(
            dir.resolve("read-only"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
    assumeFalse(Files.isWritable(readOnly), "root writes into read-only directories");
    Cli.Result r = Cli.run(readOnly.resolve("sub"), "train");
    assertEquals(1, r.exitCode());
    assertEquals("train: --out " + readOnly.resolve("sub") + ": permission denied\n", r.err());
    assertEquals("", r.out());
  }
}
