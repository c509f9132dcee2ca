/**
 * JMH benchmarks of tapegrad's kernels (GEMM, im2col/col2im, the convolution layer fused and
 * composed, max pooling, broadcasting elementwise ops, reductions, the tape's cost per node) and of
 * whole training steps; {@link dev.tapegrad.bench.jmh.KernelSuite} runs them from the benchmark
 * runner.
 */
package dev.tapegrad.bench.jmh;
