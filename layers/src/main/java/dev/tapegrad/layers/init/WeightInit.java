package dev.tapegrad.layers.init;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The book's {@code weight_init_std}: weights are {@code std * randn(shape)}, with {@code std}
 * either fixed ({@link #normal}, the book's {@code 0.01} before chapter 6) or set from the fan-in
 * {@code n} of the weight: Xavier {@code sqrt(1 / n)} for sigmoid and tanh, He {@code sqrt(2 / n)}
 * for ReLU (BOOK.md section 6.2). {@link #parse} reads the repository's spelling of the spec.
 */
public final class WeightInit implements Initializer {
  private static final Pattern NUMBER =
      Pattern.compile("\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** How the standard deviation is chosen. */
  private enum Rule {
    FIXED,
    XAVIER,
    HE
  }

  private static final WeightInit XAVIER = new WeightInit(Rule.XAVIER, Double.NaN);
  private static final WeightInit HE = new WeightInit(Rule.HE, Double.NaN);

  private final Rule rule;
  private final double fixedStd;

  private WeightInit(Rule rule, double fixedStd) {
    this.rule = rule;
    this.fixedStd = fixedStd;
  }

  /**
   * A fixed standard deviation, whatever the shape.
   *
   * @throws IllegalArgumentException unless {@code std} is positive and finite
   */
  public static WeightInit normal(double std) {
    if (!(std > 0 && std < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "weight_init_std: a standard deviation must be positive and finite, got " + std);
    }
    return new WeightInit(Rule.FIXED, std);
  }

  /** Xavier (Glorot) with the fan-in only, as the book and Caffe: std {@code sqrt(1 / n)}. */
  public static WeightInit xavier() {
    return XAVIER;
  }

  /** He (Kaiming): std {@code sqrt(2 / n)}, for ReLU networks. */
  public static WeightInit he() {
    return HE;
  }

  /**
   * Reads a spec as the repository's {@code MultiLayerNet} does, ignoring case and surrounding
   * blanks: {@code "relu"} or {@code "he"} gives He, {@code "sigmoid"} or {@code "xavier"} gives
   * Xavier, and a decimal number such as {@code "0.01"} or {@code "1e-2"} a fixed std.
   *
   * @throws IllegalArgumentException for anything else, listing what is accepted
   */
  public static WeightInit parse(String spec) {
    String text = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "relu", "he" -> HE;
      case "sigmoid", "xavier" -> XAVIER;
      default -> {
        if (!NUMBER.matcher(text).matches()) {
          throw new IllegalArgumentException(
              "weight_init_std: unknown spec '"
                  + spec
                  + "'; expected a positive number"
                  + " (e.g. 0.01), 'relu' or 'he', 'sigmoid' or 'xavier'");
        }
        yield normal(Double.parseDouble(text));
      }
    };
  }

  /**
   * The standard deviation for a weight with {@code fanIn} inputs per unit ({@link FanIn#of}).
   *
   * @throws IllegalArgumentException if {@code fanIn} is not positive
   */
  public double std(int fanIn) {
    if (fanIn <= 0) {
      throw new IllegalArgumentException("weight init: fan-in must be positive, got " + fanIn);
    }
    return switch (rule) {
      case FIXED -> fixedStd;
      case XAVIER -> Math.sqrt(1.0 / fanIn);
      case HE -> Math.sqrt(2.0 / fanIn);
    };
  }

  /**
   * {@code std * randn(shape)}, the std taken from the fan-in of {@code shape} (an Affine weight
   * {@code (in, out)} or a filter bank {@code (FN, C, FH, FW)}); a fixed std accepts any shape.
   * Draws {@code size} Gaussians from {@code rng} in row-major order.
   *
   * @throws IllegalArgumentException if Xavier or He get a shape that has no fan-in
   */
  @Override
  public Tensor create(RandomGenerator rng, int... shape) {
    double std = rule == Rule.FIXED ? fixedStd : std(FanIn.of(shape));
    double[] values = new double[Shape.size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = std * rng.nextGaussian();
    }
    return Tensor.wrap(values, shape);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WeightInit that
        && rule == that.rule
        && Double.compare(fixedStd, that.fixedStd) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * rule.hashCode() + Double.hashCode(fixedStd);
  }

  /** The spec in the form {@link #parse} reads: {@code "he"}, {@code "xavier"} or the number. */
  @Override
  public String toString() {
    return switch (rule) {
      case FIXED -> Double.toString(fixedStd);
      case XAVIER -> "xavier";
      case HE -> "he";
    };
  }
}
