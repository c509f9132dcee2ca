package dev.tapegrad.bench;

import dev.tapegrad.autograd.Backend;
import dev.tapegrad.autograd.kernels.Gemm;
import dev.tapegrad.bench.jmh.KernelSuite;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The one benchmark command ({@code bench/run.sh}, see docs/benchmarks.md): runs every workload on
 * tapegrad, the NumPy reference and, when built with the {@code djl} profile, DJL, one workload
 * after another in the same run, and prints medians, ratios, GEMM rates and the targets as
 * Markdown on standard output (progress goes to standard error). {@code --help} lists the options.
 */
public final class BenchmarkRunner {
  /** tapegrad's BLAS choice ({@code auto}, {@code bundled} or {@code java}), read when it loads. */
  static final String BLAS_PROPERTY = "tapegrad.blas";

  private BenchmarkRunner() {}

  /** Runs the benchmarks; {@code --jmh} hands the remaining arguments to JMH's command line. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--jmh")) {
      org.openjdk.jmh.Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    RunnerOptions options;
    try {
      options = RunnerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(RunnerOptions.USAGE);
      return;
    }
    if (options.pureJavaBlas()) {
      System.setProperty(BLAS_PROPERTY, "java"); // before Gemm loads netlib
    }
    run(options, System.out, System.err);
  }

  static void run(RunnerOptions options, PrintStream out, PrintStream log) throws Exception {
    boolean nativeBlas = Gemm.implementation().equals("JNIBLAS");
    out.println("## tapegrad benchmark run\n");
    out.print(MachineInfo.describe());
    out.println("- BLAS: " + Backend.blas());
    List<Peer> peers = openPeers(options, log);
    try {
      for (Peer p : peers) {
        out.println("- " + p.name() + ": " + p.backend());
      }
      out.println("- plan: " + options.plan().describe() + "\n");
      ComparisonTable table = new ComparisonTable(peers.stream().map(Peer::name).toList());
      for (Workload w : options.workloads()) {
        for (Peer p : peers) {
          log.printf(Locale.ROOT, "%-20s %-9s ", w.id(), p.name());
          try {
            Samples s = p.measure(w, options.plan());
            table.add(w, p.name(), s);
            log.printf(Locale.ROOT, "median %10.3f ms (%d samples)%n", s.median(), s.count());
          } catch (Exception e) {
            table.addFailure(w, p.name(), String.valueOf(e.getMessage()));
            log.println("failed: " + e);
          }
        }
      }
      out.println(
          table.render(
              Target.forBlas(nativeBlas).stream()
                  .filter(t -> options.workloads().contains(t.workload()))
                  .toList()));
    } finally {
      for (Peer p : peers) {
        p.close();
      }
    }
    if (options.gcProfile()) {
      out.println(KernelSuite.allocationPerStep(options.quick(), forkArguments(options), log));
    }
    if (options.heapCheck()) {
      out.println(HeapCheck.run(10, options.quick() ? 10 : 30, log));
    }
    if (options.profile().isPresent()) {
      out.println(SamplingProfile.run(options.profile().get(), options.quick() ? 5 : 20));
    }
    if (options.kernels()) {
      out.println(KernelSuite.kernels(options.quick(), forkArguments(options), log));
    }
  }

  private static List<Peer> openPeers(RunnerOptions options, PrintStream log) throws Exception {
    boolean chosen = options.peersChosen();
    List<Peer> peers = new ArrayList<>();
    for (String name : RunnerOptions.KNOWN_PEERS) {
      if (!options.peers().contains(name)) {
        continue;
      }
      Optional<Peer> peer =
          switch (name) {
            case "tapegrad" -> Optional.of(new TapegradPeer());
            case "numpy" -> openNumpy(options, chosen, log);
            default -> pluggedIn(name);
          };
      if (peer.isPresent()) {
        peers.add(peer.get());
      } else if (chosen) {
        throw new IllegalStateException(
            "peer "
                + name
                + " is not available; for djl build with bench/run.sh --djl (mvn -Pdjl)");
      } else {
        log.println("bench: peer " + name + " not built; add --djl to bench/run.sh to include it");
      }
    }
    return peers;
  }

  /**
   * A peer found with {@link ServiceLoader}; empty when it was not built, or when classes from an
   * earlier {@code -Pdjl} build remain in target/classes without DJL on the class path.
   */
  private static Optional<Peer> pluggedIn(String name) {
    try {
      return ServiceLoader.load(Peer.class).stream()
          .map(ServiceLoader.Provider::get)
          .filter(p -> p.name().equals(name))
          .findFirst();
    } catch (ServiceConfigurationError | LinkageError e) {
      return Optional.empty();
    }
  }

  private static Optional<Peer> openNumpy(RunnerOptions options, boolean required, PrintStream log)
      throws Exception {
    try {
      return Optional.of(NumpyPeer.start(options.python(), options.numpyScript()));
    } catch (java.io.IOException e) {
      if (required) {
        throw e;
      }
      log.println("bench: NumPy peer unavailable: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** JVM arguments for JMH's forks: this JVM's own, and the BLAS choice. */
  private static List<String> forkArguments(RunnerOptions options) {
    List<String> args =
        new ArrayList<>(
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    if (options.pureJavaBlas()) {
      args.add("-D" + BLAS_PROPERTY + "=java");
    }
    return args;
  }
}
