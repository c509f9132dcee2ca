/**
 * tapegrad's engine. The API is the core ({@code Tensor}, {@code Tape}, {@code Node}, the op
 * recorder {@code Op}), the ops with their backward rules, the gradient check and atomic file
 * writes. The runtime behind them ({@code kernels}: BLAS selection, SIMD loops, the split across
 * cores, memory reuse) is not exported.
 */
module dev.tapegrad.autograd {
  requires transitive com.google.common;
  requires dev.ludovic.netlib.blas;
  requires com.sun.jna;
  requires org.bytedeco.openblas;
  requires static jdk.incubator.vector;

  exports dev.tapegrad.autograd;
  exports dev.tapegrad.autograd.ops;
  exports dev.tapegrad.autograd.check;
  exports dev.tapegrad.autograd.io;
}
