package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Backend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verbose} says which BLAS library and SIMD path do the arithmetic, and nothing does
 * without it; a CLI started without the Vector API restarts itself with it, passing its exit status
 * on and leaving the JVM's incubator warning out.
 */
class BackendReportTest {
  @TempDir Path out;

  @Test
  void verboseSaysWhichBlasAndSimdPath() {
    Cli.Result r = Cli.run(out, "gates", "--verbose");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.err().lines().toList();
    assertTrue(lines.contains("tapegrad: BLAS " + Backend.blas()), r.err());
    assertTrue(lines.contains("tapegrad: SIMD " + Backend.simd()), r.err());
  }

  @Test
  void withoutVerboseNothingIsSaid() {
    Cli.Result r = Cli.run(out, "gates");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
  }

  @Test
  void aJvmWithoutTheVectorApiRestartsWithIt() throws Exception {
    Cli.Result r = Cli.fork(List.of(), 0, out, "gates", "--verbose");
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("WARNING: Using incubator"), r.err());
    assertTrue(
        r.err().lines().toList().contains("tapegrad: SIMD Vector API on (jdk.incubator.vector)"),
        r.err());
  }

  @Test
  void theRestartedCliPassesItsExitStatusOn() throws Exception {
    Cli.Result r = Cli.fork(List.of(), 0, out, "gates", "--bogus");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(
        List.of("gates: Unknown option: '--bogus' (see tapegrad gates --help)"),
        r.err().lines().toList());
  }

  @Test
  void noRestartWhenSwitchedOff() throws Exception {
    Cli.Result r = Cli.fork(List.of("-Dtapegrad.relaunch=false"), 0, out, "gates", "--verbose");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .lines()
            .toList()
            .contains(
                "tapegrad: SIMD Vector API off (the JVM runs without --add-modules"
                    + " jdk.incubator.vector)"),
        r.err());
  }
}
