package dev.tapegrad.layers.nn;

import static dev.tapegrad.autograd.check.GradCheck.assertGradients;
import static dev.tapegrad.autograd.check.GradCheck.assertSecondOrderGradients;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.CrossEntropy;
import dev.tapegrad.autograd.ops.MaxPool2d;
import dev.tapegrad.autograd.ops.SigmoidFunction;
import dev.tapegrad.autograd.ops.Softmax;
import dev.tapegrad.autograd.ops.SoftmaxWithLoss;
import dev.tapegrad.layers.F;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer and loss, gradient-checked with respect to its input and its parameters over seeded
 * random shapes (inputs kept away from ReLU and max kinks, batch norm with batch ≥ 2).
 */
class LayerGradientTest {

  static IntStream seeds() {
    return IntStream.range(0, 10);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void affineOnBatchesSamplesAndImages(int seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(4);
    int out = 1 + r.nextInt(4);
    assertGradients(
        xs -> new Affine("Affine1", xs[1], xs[2]).apply(xs[0]),
        Tensor.randn(r, n, 3),
        Tensor.randn(r, 3, out),
        Tensor.randn(r, out));
    assertGradients(
        xs -> new Affine("Affine1", xs[1], xs[2]).apply(xs[0]),
        Tensor.randn(r, 3),
        Tensor.randn(r, 3, out),
        Tensor.randn(r, out));
    assertGradients(
        xs -> new Affine("Affine1", xs[1], xs[2]).apply(xs[0]),
        Tensor.randn(r, n, 2, 2, 2),
        Tensor.randn(r, 8, out),
        Tensor.randn(r, out));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void activations(int seed) {
    Random r = new Random(seed);
    Tensor x = Tensor.randn(r, 3, 4);
    assertGradients(v -> new Relu("Relu1").apply(v), awayFromZero(x));
    assertGradients(SigmoidFunction::fused, x);
    assertGradients(SigmoidFunction::composed, x);
    assertGradients(Softmax::fused, x);
    assertGradients(Softmax::composed, x);
    assertGradients(Softmax::fused, Tensor.randn(r, 5));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void losses(int seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(4);
    int[] labels = IntStream.range(0, n).map(i -> r.nextInt(3)).toArray();
    Tensor scores = Tensor.randn(r, n, 3);
    Tensor soft = F.softmax(Tensor.randn(r, n, 3));
    assertGradients(s -> SoftmaxWithLoss.fused(s, labels), scores);
    assertGradients(s -> SoftmaxWithLoss.composed(s, labels), scores);
    assertGradients(s -> SoftmaxWithLoss.fused(s, soft), scores);
    assertGradients(s -> SoftmaxWithLoss.composed(s, soft), scores);
    Tensor probabilities = Tensor.uniform(r, 0.1, 1, n, 3);
    assertGradients(p -> CrossEntropy.of(p, labels), probabilities);
    assertGradients(p -> CrossEntropy.of(p, soft), probabilities);
    Tensor target = Tensor.randn(r, n, 3);
    assertGradients(y -> F.sumSquares(y, target), scores);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void dropoutInTrainingAndEvaluation(int seed) {
    Random r = new Random(seed);
    Tensor x = Tensor.randn(r, 4, 5);
    // A fresh generator per call gives the same mask on every evaluation of the function.
    assertGradients(v -> new Dropout("Dropout1", 0.5, new Random(seed)).apply(v), x);
    assertGradients(v -> new Dropout("Dropout1", 0.3, true, new Random(seed)).apply(v), x);
    assertGradients(
        v -> {
          Dropout d = new Dropout("Dropout1", 0.5, new Random(seed));
          d.eval();
          return d.apply(v);
        },
        x);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchNormalizationOn2dAnd4dInputs(int seed) {
    Random r = new Random(seed);
    int n = 2 + r.nextInt(3);
    assertGradients(
        xs -> new BatchNormalization("BatchNorm1", xs[1], xs[2], 0.9).apply(xs[0]),
        Tensor.randn(r, n, 3),
        Tensor.uniform(r, 0.5, 1.5, 3),
        Tensor.randn(r, 3));
    assertGradients(
        xs -> new BatchNormalization("BatchNorm1", xs[1], xs[2], 0.9).apply(xs[0]),
        Tensor.randn(r, n, 2, 2, 2),
        Tensor.uniform(r, 0.5, 1.5, 8),
        Tensor.randn(r, 8));
    assertGradients(
        xs -> {
          BatchNormalization bn = new BatchNormalization("BatchNorm1", xs[1], xs[2], 0.9);
          bn.runningVar().data()[0] = 0.5;
          bn.eval();
          return bn.apply(xs[0]);
        },
        Tensor.randn(r, n, 3),
        Tensor.uniform(r, 0.5, 1.5, 3),
        Tensor.randn(r, 3));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void convolutionWithStrideAndPad(int seed) {
    Random r = new Random(seed);
    int stride = 1 + r.nextInt(2);
    int pad = r.nextInt(2);
    int c = 1 + r.nextInt(2);
    int fn = 1 + r.nextInt(3);
    assertGradients(
        xs -> new Convolution("Conv1", xs[1], xs[2], stride, pad).apply(xs[0]),
        Tensor.randn(r, 2, c, 5, 4),
        Tensor.randn(r, fn, c, 3, 2),
        Tensor.randn(r, fn));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void maxPooling(int seed) {
    Random r = new Random(seed);
    Tensor x = Tensor.randn(r, 2, 3, 4, 6);
    assertGradients(v -> new Pooling("Pool1").apply(v), distinct(x));
    assertGradients(v -> new Pooling("Pool1", 3, 3, 1, 0).apply(v), distinct(x));
    assertGradients(v -> new Pooling("Pool1", 2, 2, 2, 1).apply(v), distinct(x));
    assertGradients(v -> MaxPool2d.composed(v, 2, 2, 2, 0), distinct(x));
  }

  /** The fused loss's one backward rule is itself differentiable (Hessian-vector products). */
  @ParameterizedTest
  @MethodSource("seeds")
  void softmaxWithLossSecondOrder(int seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(4);
    int[] labels = IntStream.range(0, n).map(i -> r.nextInt(3)).toArray();
    Tensor soft = F.softmax(Tensor.randn(r, n, 3));
    assertSecondOrderGradients(
        xs -> SoftmaxWithLoss.fused(xs[0], labels).add(SoftmaxWithLoss.fused(xs[0], soft)),
        Tensor.randn(r, n, 3));
  }

  /** The fused pooling's backward node is itself differentiable (pad 1: padding can win). */
  @ParameterizedTest
  @MethodSource("seeds")
  void maxPoolingSecondOrder(int seed) {
    Random r = new Random(seed);
    Tensor x = distinct(Tensor.randn(r, 2, 2, 4, 5));
    assertSecondOrderGradients(
        xs -> MaxPool2d.fused(xs[0], 2, 2, 2, 1).pow(3).mul(xs[1]).sum(),
        x,
        Tensor.randn(r, 2, 2, 3, 3));
  }

  /** Moves every value at least 0.1 away from 0 (ReLU's kink). */
  private static Tensor awayFromZero(Tensor x) {
    Tensor y = x.copy();
    double[] d = y.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = d[i] + Math.copySign(0.1, d[i]);
    }
    return y;
  }

  /** Adds a ramp so no two values tie within the finite-difference step. */
  private static Tensor distinct(Tensor x) {
    Tensor y = x.copy();
    double[] d = y.data();
    for (int i = 0; i < d.length; i++) {
      d[i] += 1e-3 * i;
    }
    return y;
  }
}
