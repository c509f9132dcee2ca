package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI for end-to-end tests and captures what it printed: in-process, or in a fresh JVM
 * where system properties, JVM limits or the exit status of the process matter.
 */
public final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  /**
   * Runs {@code tapegrad <args> --out <out>} and returns its output; the exit code is not checked.
   */
  public static Result run(Path out, String... args) {
    return exec(withOut(out, args));
  }

  /** Runs {@code tapegrad <args>} exactly as given. */
  public static synchronized Result exec(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Result(
          code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
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

  /**
   * Runs {@code java <jvmOptions> ... Main <args> --out <out>} in a new process, under {@code
   * ulimit -f fileSizeKib} when that is positive (writing more then fails with "File too large", as
   * on a full disk).
   */
  public static Result fork(List<String> jvmOptions, int fileSizeKib, Path out, String... args)
      throws IOException, InterruptedException {
    return fork(jvmOptions, fileSizeKib, System.getProperty("java.class.path"), out, args);
  }

  /**
   * Runs {@code tapegrad <args> --out <out>} in a new JVM whose class path starts with {@code
   * resources}, so that the files there replace the class-path resources of the same name.
   */
  public static Result forkWithResources(Path resources, Path out, String... args)
      throws IOException, InterruptedException {
    String classPath = resources + File.pathSeparator + System.getProperty("java.class.path");
    return fork(List.of(), 0, classPath, out, args);
  }

  private static Result fork(
      List<String> jvmOptions, int fileSizeKib, String classPath, Path out, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (fileSizeKib > 0) {
      String limited = "ulimit -f " + fileSizeKib + " && exec \"$@\"";
      Collections.addAll(command, "bash", "-c", limited, "bash");
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    Collections.addAll(command, "-Djava.awt.headless=true", "-cp", classPath, Main.class.getName());
    Collections.addAll(command, withOut(out, args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process, false));
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process, true));
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the forked CLI did not finish");
    return new Result(process.exitValue(), stdout.join(), stderr.join());
  }

  private static String[] withOut(Path out, String... args) {
    List<String> all = new ArrayList<>();
    Collections.addAll(all, args);
    all.add("--out");
    all.add(out.toString());
    return all.toArray(String[]::new);
  }

  private static String read(Process process, boolean errors) {
    try {
      return new String(
          (errors ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
