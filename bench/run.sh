#!/usr/bin/env bash
# The benchmark command (docs/benchmarks.md): builds the bench module (and the modules it needs)
# with the bench profile (and the djl profile with --djl), then runs
# dev.tapegrad.bench.BenchmarkRunner, which times tapegrad, the NumPy reference and DJL on the
# same workloads and prints Markdown tables.
#
#   bench/run.sh --help                  every option
#   bench/run.sh                         the comparison (about 5 minutes)
#   bench/run.sh --djl --kernels --gc    with DJL, the JMH kernels and bytes per step
#   bench/run.sh --blas java             pure-Java BLAS instead of native OpenBLAS
#   bench/run.sh --jmh [JMH options]     JMH's own command line (e.g. -l, -prof gc, a regex)
set -euo pipefail
cd "$(dirname "$0")/.."

profiles=bench
runner_args=()
jvm_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --djl) profiles=bench,djl ;;
    --threads)
      [[ $# -ge 2 ]] || { echo "bench: --threads needs a number" >&2; exit 2; }
      export OPENBLAS_NUM_THREADS="$2" OMP_NUM_THREADS="$2"
      jvm_args+=("-Dtapegrad.threads=$2")
      shift ;;
    *) runner_args+=("$1") ;;
  esac
  shift
done

mvn -q -B -DskipTests -pl bench -am -P"$profiles" process-classes >&2

# DJL: libtorch comes from the pytorch-native-cpu jar on the class path; offline mode stops DJL
# from looking for anything to download. The Vector API lets netlib's pure-Java BLAS use SIMD.
exec java --add-modules jdk.incubator.vector \
  -Dai.djl.offline=true ${jvm_args[@]+"${jvm_args[@]}"} \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  dev.tapegrad.bench.BenchmarkRunner "${runner_args[@]+"${runner_args[@]}"}"
