package dev.tapegrad.bench;

/**
 * One repetition of a workload, set up and ready to run again and again (a training step on a fixed
 * batch, an inference pass, a matrix product), with whatever it holds released by {@link #close()}.
 */
public interface PreparedStep extends Runnable, AutoCloseable {
  @Override
  default void close() {}
}
