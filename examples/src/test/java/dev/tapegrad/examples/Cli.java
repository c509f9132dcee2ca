package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs the CLI in-process for end-to-end tests and captures what it printed. */
public final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  /** Runs {@code tapegrad <args> --out <out>} and returns its output; the exit code is not checked. */
  public static synchronized Result run(Path out, String... args) {
    List<String> all = new ArrayList<>();
    Collections.addAll(all, args);
    all.add("--out");
    all.add(out.toString());
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      int code = Main.run(all.toArray(String[]::new));
      return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Runs and asserts exit code 0 (the message shows what it printed otherwise). */
  public static String ok(Path out, String... args) {
    Result r = run(out, args);
    assertEquals(0, r.exitCode(), () -> "stdout:\n" + r.out() + "\nstderr:\n" + r.err());
    return r.out();
  }
}
