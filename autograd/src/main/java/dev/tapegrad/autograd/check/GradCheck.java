package dev.tapegrad.autograd.check;

import com.google.common.collect.ImmutableList;
import dev.tapegrad.autograd.GradOption;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares the tape's gradients with central differences in float64, for users' own tests as much
 * as the project's.
 *
 * <p>A non-scalar output is reduced to {@code L = Σ y·w} with fixed pseudo-random weights {@code
 * w}, so one backward pass checks the whole vector-Jacobian product. An element passes when {@code
 * |analytic − numeric| ≤ atol + rtol·|numeric|} (PyTorch's defaults: eps 1e-6, atol 1e-5, rtol
 * 1e-3). Elements sitting on a kink (ReLU or max at a tie), where the analytic value equals one of
 * the one-sided differences, are counted as kinks rather than failures.
 *
 * <pre>{@code
 * GradCheck.assertGradients(x -> x.mul(x.exp()), Tensor.randn(new Random(1), 4, 3));
 * }</pre>
 */
public final class GradCheck {
  public static final double DEFAULT_EPS = 1e-6;
  public static final double DEFAULT_ATOL = 1e-5;
  public static final double DEFAULT_RTOL = 1e-3;

  private static final long WEIGHT_SEED = 20161001L;

  private final double eps;
  private final double atol;
  private final double rtol;
  private final int maxElements;
  private final long sampleSeed;

  private GradCheck(double eps, double atol, double rtol, int maxElements, long sampleSeed) {
    this.eps = eps;
    this.atol = atol;
    this.rtol = rtol;
    this.maxElements = maxElements;
    this.sampleSeed = sampleSeed;
  }

  /** A checker with PyTorch's defaults. */
  public static GradCheck withDefaults() {
    return new GradCheck(DEFAULT_EPS, DEFAULT_ATOL, DEFAULT_RTOL, Integer.MAX_VALUE, WEIGHT_SEED);
  }

  /** A checker with the given step and tolerances. */
  public static GradCheck with(double eps, double atol, double rtol) {
    return new GradCheck(eps, atol, rtol, Integer.MAX_VALUE, WEIGHT_SEED);
  }

  /**
   * The same checker, but comparing at most {@code count} elements of each tensor (a fixed
   * pseudo-random choice), for networks too large to difference every weight.
   */
  public GradCheck sampling(int count) {
    return sampling(count, WEIGHT_SEED);
  }

  /**
   * The same checker, but comparing at most {@code count} elements of each tensor, chosen at random
   * from {@code seed} (the same elements for the same seed and tensor size).
   */
  public GradCheck sampling(int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException(
          "gradcheck: the sample must hold at least 1 element per tensor, got " + count);
    }
    return new GradCheck(eps, atol, rtol, count, seed);
  }

  // ------------------------------------------------------------ one-line assertions for tests

  /** Throws an {@link AssertionError} with the report unless {@code f}'s gradients check. */
  public static void assertGradients(Function<Tensor, Tensor> f, Tensor x) {
    assertPassed(withDefaults().check(xs -> f.apply(xs[0]), x));
  }

  /** Multi-input form of {@link #assertGradients(Function, Tensor)}. */
  public static void assertGradients(TensorFunction f, Tensor... inputs) {
    assertPassed(withDefaults().check(f, inputs));
  }

  /** Second-order form: checks the gradients of the gradients. */
  public static void assertSecondOrderGradients(TensorFunction f, Tensor... inputs) {
    assertPassed(withDefaults().checkSecondOrder(f, inputs));
  }

  /** Checks the gradient of a scalar loss with respect to every named parameter. */
  public static void assertParameterGradients(Map<String, Tensor> params, Supplier<Tensor> loss) {
    assertPassed(withDefaults().checkParameters(params, loss));
  }

  /**
   * Checks {@code sampleCount} elements of every parameter, chosen at random from {@code seed}, by
   * central differences in float64: the one-line test of a model too large to difference whole,
   *
   * <pre>{@code
   * GradCheck.assertParameterGradients(net.parameters(), () -> net.loss(x, labels), 10, 1);
   * }</pre>
   *
   * The {@link AssertionError}'s first line names the first parameter that failed and its worst
   * element's index; a line per parameter follows.
   */
  public static void assertParameterGradients(
      Map<String, Tensor> params, Supplier<Tensor> loss, int sampleCount, long seed) {
    assertPassed(withDefaults().sampling(sampleCount, seed).checkParameters(params, loss));
  }

  private static void assertPassed(GradCheckReport report) {
    if (!report.passed()) {
      throw new AssertionError(report.toString());
    }
  }

  // ------------------------------------------------------------ checks

  /**
   * Checks {@code f} at {@code inputs} (not modified: the check works on copies) with respect to
   * every input.
   */
  public GradCheckReport check(TensorFunction f, Tensor... inputs) {
    Tensor[] xs = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      xs[i] = inputs[i].copy().requiresGrad();
    }
    Tensor weights;
    try (Tape tape = Tape.record()) {
      Tensor y = f.apply(xs);
      weights = projectionWeights(y.shape());
      if (y.needsGrad()) {
        tape.backward(y, weights);
      }
    }
    DoubleSupplier objective = () -> project(evaluateWithoutGraph(() -> f.apply(xs)), weights);
    List<GradCheckReport.Entry> entries = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      String name = inputs[i].name() != null ? inputs[i].name() : "input " + i;
      entries.add(compare(name, xs[i], gradientOrZeros(xs[i]), objective));
    }
    return new GradCheckReport(ImmutableList.copyOf(entries), atol, rtol);
  }

  /**
   * Second-order check: verifies the gradient of {@code Σ_i ⟨∂L/∂x_i, u_i⟩} (with fixed random
   * {@code u_i}), where the inner gradients come from a backward pass recorded with {@link
   * GradOption#CREATE_GRAPH}. This exercises every backward rule's own backward.
   */
  public GradCheckReport checkSecondOrder(TensorFunction f, Tensor... inputs) {
    Tensor[] directions = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      directions[i] = randomWeights(inputs[i].shape(), WEIGHT_SEED + 1 + i);
    }
    TensorFunction gradientProjection =
        xs -> {
          boolean ownTape = !Tape.isRecording();
          Tape tape = ownTape ? Tape.record() : Tape.current();
          try {
            Tensor y = f.apply(xs);
            if (!y.needsGrad()) {
              return Tensor.scalar(0);
            }
            Tensor loss = y.mul(projectionWeights(y.shape())).sum();
            List<Tensor> grads = tape.grad(loss, Arrays.asList(xs), GradOption.CREATE_GRAPH);
            Tensor total = Tensor.scalar(0);
            for (int i = 0; i < xs.length; i++) {
              total = total.add(grads.get(i).mul(directions[i]).sum());
            }
            return ownTape ? total.detach() : total;
          } finally {
            if (ownTape) {
              tape.close();
            }
          }
        };
    return check(gradientProjection, inputs);
  }

  /**
   * Checks a scalar {@code loss} (re-evaluated on each call) with respect to named parameters,
   * which it perturbs in place and restores. Clears and then sets the parameters' {@code grad()}.
   */
  public GradCheckReport checkParameters(Map<String, Tensor> params, Supplier<Tensor> loss) {
    params.values().forEach(Tensor::zeroGrad);
    try (Tape tape = Tape.record()) {
      Tensor l = loss.get();
      if (l.size() != 1) {
        throw new IllegalArgumentException(
            "gradcheck: the loss must have one element, got shape " + Shape.format(l.shape()));
      }
      if (l.needsGrad()) {
        tape.backward(l);
      }
    }
    DoubleSupplier objective = () -> evaluateWithoutGraph(loss).item();
    List<GradCheckReport.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Tensor> p : params.entrySet()) {
      entries.add(compare(p.getKey(), p.getValue(), gradientOrZeros(p.getValue()), objective));
    }
    return new GradCheckReport(ImmutableList.copyOf(entries), atol, rtol);
  }

  // ------------------------------------------------------------ internals

  /** Central differences for (a sample of) the elements of {@code x}, against {@code analytic}. */
  private GradCheckReport.Entry compare(
      String name, Tensor x, double[] analytic, DoubleSupplier objective) {
    double[] data = x.data();
    int worst = -1;
    double worstViolation = -1;
    double maxAbs = 0;
    double maxRel = 0;
    double worstNumeric = 0;
    double diffSquares = 0;
    double analyticSquares = 0;
    double numericSquares = 0;
    int kinks = 0;
    boolean passed = true;
    double center = data.length == 0 ? 0 : objective.getAsDouble();
    for (int j : elementsToCheck(data.length)) {
      Slopes slopes = Slopes.measure(data, j, eps, center, objective);
      double numeric = slopes.central();
      double a = analytic[j];
      double abs = Math.abs(a - numeric);
      double tolerance = atol + rtol * Math.abs(numeric);
      boolean ok = abs <= tolerance;
      if (!ok && isKink(a, data, j, center, objective, slopes)) {
        kinks++;
        continue;
      }
      passed &= ok;
      maxAbs = Math.max(maxAbs, abs);
      maxRel = Math.max(maxRel, relativeError(a, numeric));
      diffSquares += abs * abs;
      analyticSquares += a * a;
      numericSquares += numeric * numeric;
      double violation = abs / tolerance;
      if (Double.isNaN(abs) || violation > worstViolation) {
        worstViolation = Double.isNaN(abs) ? Double.POSITIVE_INFINITY : violation;
        worst = j;
        worstNumeric = numeric;
      }
    }
    // Norms below atol count as zero gradients (a bias before batch norm has exactly zero
    // gradient, and rounding leaves ~1e-16 on one side): relative to atol there.
    double scale = Math.max(atol, Math.sqrt(Math.max(analyticSquares, numericSquares)));
    int[] shape = x.shape();
    return new GradCheckReport.Entry(
        name,
        shape,
        worst < 0 ? new int[0] : unravel(worst, shape),
        worst < 0 ? 0 : analytic[worst],
        worstNumeric,
        maxAbs,
        maxRel,
        Math.sqrt(diffSquares) / scale,
        kinks,
        passed);
  }

  /** Every index, or a fixed pseudo-random sample of {@link #maxElements} of them. */
  private int[] elementsToCheck(int size) {
    if (size <= maxElements) {
      return java.util.stream.IntStream.range(0, size).toArray();
    }
    return new Random(sampleSeed + size)
        .ints(0, size)
        .distinct()
        .limit(maxElements)
        .sorted()
        .toArray();
  }

  /**
   * Whether element {@code j} sits on a kink: the one-sided slopes disagree and the analytic value
   * matches one of them. When a second kink lies within {@code eps} (a ReLU input of 1e-7 next to
   * one at exactly 0), neither side matches; the slopes are then measured again with a step 100
   * times smaller, which steps past it.
   */
  private boolean isKink(
      double analytic,
      double[] data,
      int j,
      double center,
      DoubleSupplier objective,
      Slopes slopes) {
    if (onKink(analytic, slopes.right(), slopes.left())) {
      return true;
    }
    Slopes fine = Slopes.measure(data, j, eps / 100, center, objective);
    return onKink(analytic, fine.right(), fine.left());
  }

  /** The one-sided and central differences of the objective at element {@code j}. */
  private record Slopes(double right, double left) {
    static Slopes measure(
        double[] data, int j, double step, double center, DoubleSupplier objective) {
      double saved = data[j];
      data[j] = saved + step;
      double plus = objective.getAsDouble();
      data[j] = saved - step;
      double minus = objective.getAsDouble();
      data[j] = saved;
      return new Slopes((plus - center) / step, (center - minus) / step);
    }

    double central() {
      return (right + left) / 2;
    }
  }

  /** A kink: the one-sided slopes disagree and the analytic value matches one of them. */
  private boolean onKink(double analytic, double right, double left) {
    boolean slopesDiffer =
        Math.abs(right - left) > atol + rtol * Math.max(Math.abs(right), Math.abs(left));
    boolean matchesOneSide =
        Math.abs(analytic - right) <= atol + rtol * Math.abs(right)
            || Math.abs(analytic - left) <= atol + rtol * Math.abs(left);
    return slopesDiffer && matchesOneSide;
  }

  /** {@code |a − n| / max(|a|, |n|)}, 0 when both are 0. */
  static double relativeError(double a, double n) {
    double scale = Math.max(Math.abs(a), Math.abs(n));
    return scale == 0 ? 0 : Math.abs(a - n) / scale;
  }

  private static Tensor evaluateWithoutGraph(Supplier<Tensor> f) {
    try (Tape.Scope paused = Tape.noGrad()) {
      return f.get();
    }
  }

  private static double[] gradientOrZeros(Tensor x) {
    return x.grad() != null ? x.grad().data() : new double[x.size()];
  }

  private static Tensor projectionWeights(int[] shape) {
    return Shape.size(shape) == 1 ? Tensor.ones(shape) : randomWeights(shape, WEIGHT_SEED);
  }

  private static Tensor randomWeights(int[] shape, long seed) {
    return Tensor.randn(new Random(seed), shape);
  }

  private static double project(Tensor y, Tensor weights) {
    double[] v = y.data();
    double[] w = weights.data();
    if (v.length != w.length) {
      throw new IllegalStateException(
          "gradcheck: the function's output changed shape between calls, from "
              + Shape.format(weights.shape())
              + " to "
              + Shape.format(y.shape()));
    }
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i] * w[i];
    }
    return s;
  }

  private static int[] unravel(int flat, int[] shape) {
    int[] index = new int[shape.length];
    for (int i = shape.length - 1; i >= 0; i--) {
      index[i] = flat % shape[i];
      flat /= shape[i];
    }
    return index;
  }
}
