/**
 * tapegrad's benchmarks (docs/benchmarks.md): {@link dev.tapegrad.bench.BenchmarkRunner}, started
 * by {@code bench/run.sh}, times tapegrad, the NumPy reference and DJL on the same workloads in one
 * run; the JMH kernel benchmarks are in {@link dev.tapegrad.bench.jmh}. A development module: it is
 * not part of {@code tapegrad.jar}.
 */
package dev.tapegrad.bench;
