package dev.tapegrad.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The benchmark runner's command line, parsed and checked. */
public record RunnerOptions(
    boolean help,
    boolean quick,
    List<Workload> workloads,
    List<String> peers,
    boolean peersChosen,
    boolean pureJavaBlas,
    String python,
    Path numpyScript,
    boolean kernels,
    boolean gcProfile,
    boolean heapCheck,
    Optional<Workload> profile) {

  /** Peers the runner knows; {@code djl} needs the {@code djl} Maven profile. */
  public static final List<String> KNOWN_PEERS = List.of("tapegrad", "numpy", "djl");

  /** What {@code --help} prints. */
  public static final String USAGE =
      """
      Usage: bench/run.sh [--djl] [--threads N] [options]

      Times tapegrad, the NumPy reference and (when built with --djl, i.e. mvn -Pdjl) DJL/PyTorch
      on the same workloads, one workload after another in this run, and prints Markdown tables of
      medians, ratios (tapegrad/numpy, tapegrad/djl), GEMM GFLOPS and the issue's targets.
      Each peer runs a plain loop: un-timed warm-up (3 s), then every repetition timed on its own
      for about 5 s (5 to 2,000 samples); NumPy times itself in Python with the same plan.

      Script options (bench/run.sh only):
        --djl               build with the djl Maven profile, adding the DJL/PyTorch peer
        --threads N         OPENBLAS_NUM_THREADS and OMP_NUM_THREADS for every peer, and
                            -Dtapegrad.threads=N for tapegrad (default: unset, every core)

      Runner options:
        --quick             short plan (1 s warm-up, about 1.5 s of samples) and short JMH runs
        --workloads LIST    comma-separated ids, or 'all' (default):
                            %s
        --peers LIST        subset of tapegrad,numpy,djl (default: every available one)
        --blas MODE         native (default: a system OpenBLAS, else the bundled one) or java
                            (no native library: pure-Java BLAS, VectorBLAS when the JVM has
                            --add-modules jdk.incubator.vector, which bench/run.sh adds)
        --python CMD        Python for the NumPy reference (default python3)
        --numpy-script P    default bench/numpy_reference.py
        --kernels           also run the JMH kernel benchmarks (GEMM, im2col, pooling, ...)
        --gc                also run JMH's gc profiler on the training steps: bytes per step
        --heap              also check that the heap stays flat over 10 epochs of SimpleConvNet
                            steps
        --profile ID        sample (JFR) where tapegrad's time goes in one workload, print the top
                            methods
        --help              this text
      """
          .formatted(Workload.ids(List.of(Workload.values())));

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the bad or incomplete option
   */
  public static RunnerOptions parse(String... args) {
    boolean help = false;
    boolean quick = false;
    List<Workload> workloads = List.of(Workload.values());
    List<String> peers = KNOWN_PEERS;
    boolean peersChosen = false;
    boolean pureJava = false;
    String python = "python3";
    Path script = Path.of("bench", "numpy_reference.py");
    boolean kernels = false;
    boolean gc = false;
    boolean heap = false;
    Optional<Workload> profile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--quick" -> quick = true;
        case "--workloads" -> workloads = Workload.parseList(value(args, ++i, arg));
        case "--peers" -> {
          peers = parsePeers(value(args, ++i, arg));
          peersChosen = true;
        }
        case "--blas" -> pureJava = parseBlas(value(args, ++i, arg));
        case "--python" -> python = value(args, ++i, arg);
        case "--numpy-script" -> script = Path.of(value(args, ++i, arg));
        case "--kernels" -> kernels = true;
        case "--gc" -> gc = true;
        case "--heap" -> heap = true;
        case "--profile" -> profile = Optional.of(Workload.byId(value(args, ++i, arg)));
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'; see --help");
      }
    }
    return new RunnerOptions(
        help,
        quick,
        workloads,
        peers,
        peersChosen,
        pureJava,
        python,
        script,
        kernels,
        gc,
        heap,
        profile);
  }

  /** The measurement plan of the comparison. */
  public MeasurementPlan plan() {
    return quick ? MeasurementPlan.quick() : MeasurementPlan.full();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value; see --help");
    }
    return args[i];
  }

  private static List<String> parsePeers(String text) {
    List<String> peers = List.of(text.split(",")).stream().map(String::trim).toList();
    for (String p : peers) {
      if (!KNOWN_PEERS.contains(p)) {
        throw new IllegalArgumentException("unknown peer '" + p + "'; known: " + KNOWN_PEERS);
      }
    }
    return peers;
  }

  private static boolean parseBlas(String mode) {
    return switch (mode) {
      case "native" -> false;
      case "java" -> true;
      default ->
          throw new IllegalArgumentException("--blas must be native or java, got '" + mode + "'");
    };
  }
}
