package dev.tapegrad.layers.train;

/**
 * Training stopped because a parameter holds NaN or infinity: before training (a network loaded
 * from a bad checkpoint) or after an epoch whose losses were all finite (an update that
 * overflowed). Thrown by {@link Trainer#fit} unless {@link Trainer#allowDivergence()} was called.
 */
public final class NonFiniteParameterException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final String parameter;

  /**
   * @param epoch the epoch after which the parameter was checked (0: before training)
   * @param parameter the parameter's name, e.g. {@code Affine1.W}
   * @param value one of its values that is not finite
   */
  public NonFiniteParameterException(int epoch, String parameter, double value) {
    super(
        "parameter "
            + parameter
            + (epoch == 0 ? " holds " : " became ")
            + (Double.isNaN(value) ? "NaN" : "infinite")
            + (epoch == 0 ? " before training" : " in epoch " + epoch));
    this.epoch = epoch;
    this.parameter = parameter;
  }

  /** The epoch after which the parameter was found not finite; 0 means before training. */
  public int epoch() {
    return epoch;
  }

  /** The parameter's name. */
  public String parameter() {
    return parameter;
  }
}
