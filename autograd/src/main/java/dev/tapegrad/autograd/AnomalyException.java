package dev.tapegrad.autograd;

/**
 * Thrown in anomaly mode ({@link Tape#detectAnomalies()}) by the first node whose forward output or
 * backward gradient contains NaN or infinity. The message names the op, its scope path and the
 * shapes of its inputs.
 */
public final class AnomalyException extends ArithmeticException {
  private final transient Node node;

  AnomalyException(String message, Node node) {
    super(message);
    this.node = node;
  }

  /** The node that produced the non-finite value. */
  public Node node() {
    return node;
  }
}
