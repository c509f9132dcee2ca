package dev.tapegrad.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Restarts the CLI in a JVM with the Vector API, so that {@code java -jar tapegrad.jar} runs
 * tapegrad's SIMD loops and netlib's SIMD BLAS without the user typing {@code --add-modules
 * jdk.incubator.vector}. The new JVM gets this one's JVM options and class path plus that option,
 * the same arguments, standard input and standard output; its standard error passes through without
 * the JVM's {@code WARNING: Using incubator modules} line; its exit status is this one's.
 *
 * <p>There is no restart when the JVM has the module already, when the Java runtime lacks it, when
 * the CLI runs from the module path, with {@code -Dtapegrad.simd=false} (nothing would use it) or
 * {@code -Dtapegrad.relaunch=false}. The new JVM is marked with {@code -Dtapegrad.relaunched=true}
 * and never restarts again.
 */
public final class VectorApiRelaunch {
  static final String MODULE = "jdk.incubator.vector";

  /** {@code -Dtapegrad.relaunch=false} turns the restart off. */
  static final String SWITCH = "tapegrad.relaunch";

  /** Set in the restarted JVM. */
  static final String MARK = "tapegrad.relaunched";

  /** What the JVM prints first on standard error when an incubator module is in use. */
  static final String WARNING = "WARNING: Using incubator modules: " + MODULE;

  private VectorApiRelaunch() {}

  /**
   * What the decision depends on: whether this JVM has the module and its runtime offers it, its
   * system properties, its JVM options, and where its {@code java} launcher is.
   */
  record Jvm(
      boolean hasModule,
      boolean runtimeHasModule,
      UnaryOperator<String> properties,
      List<String> options,
      Path java) {

    /** This JVM. */
    static Jvm current() {
      return new Jvm(
          ModuleLayer.boot().findModule(MODULE).isPresent(),
          ModuleFinder.ofSystem().find(MODULE).isPresent(),
          System::getProperty,
          ManagementFactory.getRuntimeMXBean().getInputArguments(),
          Path.of(System.getProperty("java.home"), "bin", "java"));
    }
  }

  /**
   * Runs {@code main} with {@code args} in a new JVM with the Vector API when this one lacks it and
   * may restart, and returns its exit status; empty when the CLI should run here (no restart is
   * needed, or the new JVM could not start).
   */
  public static OptionalInt runIfNeeded(Class<?> main, String[] args) {
    Optional<List<String>> command = command(Jvm.current(), main.getName(), args);
    if (command.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(run(command.get()));
    } catch (IOException cannotStart) {
      return OptionalInt.empty();
    }
  }

  /** The command that restarts {@code mainClass} with {@code args}, if {@code jvm} should. */
  static Optional<List<String>> command(Jvm jvm, String mainClass, String[] args) {
    UnaryOperator<String> property = jvm.properties();
    String classPath = property.apply("java.class.path");
    boolean restart =
        !jvm.hasModule()
            && jvm.runtimeHasModule()
            && !"false".equals(property.apply(SWITCH))
            && !"false".equals(property.apply("tapegrad.simd"))
            && property.apply(MARK) == null
            && property.apply("jdk.module.path") == null
            && classPath != null
            && !classPath.isEmpty();
    if (!restart) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(jvm.java().toString());
    command.addAll(jvm.options());
    Collections.addAll(command, "--add-modules", MODULE, "-D" + MARK + "=true");
    Collections.addAll(command, "-cp", classPath, mainClass);
    Collections.addAll(command, args);
    return Optional.of(command);
  }

  private static int run(List<String> command) throws IOException {
    Process child =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
    Thread stopChild = new Thread(child::destroy);
    Runtime.getRuntime().addShutdownHook(stopChild);
    Thread errors =
        new Thread(() -> copyWithoutWarning(child.getErrorStream(), System.err), "child stderr");
    errors.start();
    try {
      int status = child.waitFor();
      errors.join();
      Runtime.getRuntime().removeShutdownHook(stopChild);
      return status;
    } catch (InterruptedException interrupted) {
      child.destroy();
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /**
   * Copies {@code in} to {@code out} as it arrives, without a first line that is {@link #WARNING}.
   * Only as much of the first line as still matches the warning is held back.
   */
  static void copyWithoutWarning(InputStream in, OutputStream out) {
    byte[] warning = (WARNING + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      int matched = 0;
      int next = -1;
      while (matched < warning.length && (next = in.read()) == (warning[matched] & 0xff)) {
        matched++;
      }
      if (matched < warning.length) {
        out.write(warning, 0, matched);
        if (next >= 0) {
          out.write(next);
        }
        out.flush();
      }
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
