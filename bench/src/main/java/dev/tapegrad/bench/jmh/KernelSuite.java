package dev.tapegrad.bench.jmh;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks from the benchmark runner, one fork each, with short iterations (the
 * machine has 2 cores and is shared), and returns the results as Markdown. JMH's own log goes to a
 * file named on standard error.
 */
public final class KernelSuite {
  private static final List<Class<?>> KERNELS =
      List.of(
          GemmBenchmark.class,
          Im2colBenchmark.class,
          ConvolutionBenchmark.class,
          PoolingBenchmark.class,
          ElementwiseBenchmark.class,
          UnaryBenchmark.class,
          ReduceBenchmark.class,
          TapeBenchmark.class);

  private KernelSuite() {}

  /** Every kernel benchmark: about 6 minutes, or 2 with {@code quick}. */
  public static String kernels(boolean quick, List<String> jvmArgs, PrintStream log)
      throws RunnerException, IOException {
    ChainedOptionsBuilder options = options(quick, jvmArgs, 1);
    KERNELS.forEach(c -> options.include(c.getName() + "\\."));
    Collection<RunResult> results = run(options, "kernels", log);
    return "### JMH kernels (average time per call, ± 99.9% interval)\n\n" + table(results, false);
  }

  /**
   * The training steps under JMH's gc profiler: time per step and bytes allocated per step ({@code
   * gc.alloc.rate.norm}).
   */
  public static String allocationPerStep(boolean quick, List<String> jvmArgs, PrintStream log)
      throws RunnerException, IOException {
    ChainedOptionsBuilder options =
        options(quick, jvmArgs, 2)
            .include(TrainingStepBenchmark.class.getName() + "\\.")
            .addProfiler(GCProfiler.class);
    Collection<RunResult> results = run(options, "gc", log);
    return "### Training steps under JMH's gc profiler\n\n" + table(results, true);
  }

  private static ChainedOptionsBuilder options(boolean quick, List<String> jvmArgs, int seconds) {
    TimeValue iteration = quick ? TimeValue.milliseconds(300) : TimeValue.seconds(seconds);
    return new OptionsBuilder()
        .forks(1)
        .warmupIterations(quick ? 1 : 2)
        .warmupTime(iteration)
        .measurementIterations(quick ? 2 : 3)
        .measurementTime(iteration)
        .jvmArgs(jvmArgs.toArray(String[]::new))
        .shouldFailOnError(true);
  }

  private static Collection<RunResult> run(
      ChainedOptionsBuilder options, String name, PrintStream log)
      throws RunnerException, IOException {
    Path jmhLog = Files.createTempFile("tapegrad-jmh-" + name + "-", ".log");
    log.println("bench: running JMH " + name + " benchmarks; JMH's log: " + jmhLog);
    return new Runner(options.output(jmhLog.toString()).build()).run();
  }

  private static String table(Collection<RunResult> results, boolean allocation) {
    StringBuilder out =
        new StringBuilder(
            allocation
                ? "| benchmark | params | time | bytes allocated per step |\n|---|---|---|---|\n"
                : "| benchmark | params | time | GFLOPS |\n|---|---|---|---|\n");
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      int classStart = benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1;
      String shortName = benchmark.substring(classStart);
      String params =
          r.getParams().getParamsKeys().stream()
              .map(k -> k + "=" + r.getParams().getParam(k))
              .collect(Collectors.joining(" "));
      Result<?> primary = r.getPrimaryResult();
      String time =
          String.format(
              Locale.ROOT,
              "%.3f ± %.3f %s",
              primary.getScore(),
              primary.getScoreError(),
              primary.getScoreUnit());
      String extra = allocation ? allocation(r) : gflops(benchmark, r);
      out.append(String.format("| %s | %s | %s | %s |%n", shortName, params, time, extra));
    }
    return out.toString();
  }

  private static String allocation(RunResult r) {
    Result<?> bytes = r.getSecondaryResults().get("gc.alloc.rate.norm");
    return bytes == null ? "–" : String.format(Locale.ROOT, "%,.0f", bytes.getScore());
  }

  /** Rate of a GEMM result (scores in µs per product); empty for other benchmarks. */
  private static String gflops(String benchmark, RunResult r) {
    if (!benchmark.startsWith(GemmBenchmark.class.getName())) {
      return "";
    }
    int[] mkn = GemmBenchmark.dimensions(r.getParams().getParam("shape"));
    double flops = 2.0 * mkn[0] * mkn[1] * mkn[2];
    return String.format(Locale.ROOT, "%.1f", flops / (r.getPrimaryResult().getScore() * 1e3));
  }
}
