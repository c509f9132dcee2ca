package dev.tapegrad.autograd.ops;

import static dev.tapegrad.autograd.check.GradCheck.assertGradients;
import static dev.tapegrad.autograd.check.GradCheck.assertSecondOrderGradients;

import dev.tapegrad.autograd.RandomShapes;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive op, gradient-checked in float64 over 20 seeded random shape combinations each:
 * broadcasting, size-1 dimensions, 0-d scalars and non-square matrices included.
 */
class OpGradientTest {
  private static final int SEEDS = 20;

  enum Case {
    ADD(r -> binary(r, Tensor::add, false)),
    SUB(r -> binary(r, Tensor::sub, false)),
    MUL(r -> binary(r, Tensor::mul, false)),
    DIV(r -> binary(r, Tensor::div, true)),
    SCALAR_CONSTANT(
        r -> assertGradients(x -> x.mul(1.1).add(3).div(2).sub(0.5), r.normal(r.shape(3, 4)))),
    NEG(r -> assertGradients(Tensor::neg, r.normal(r.shape(4, 4)))),
    POW(
        r -> {
          double p = new double[] {2, 3, 0.5, -1, 1.5, -2.5}[r.between(0, 5)];
          assertGradients(x -> x.pow(p), r.uniform(0.5, 2, r.shape(4, 4)));
        }),
    EXP(r -> assertGradients(Tensor::exp, r.normal(r.shape(4, 4)))),
    LOG(r -> assertGradients(Tensor::log, r.uniform(0.3, 3, r.shape(4, 4)))),
    SQRT(r -> assertGradients(Tensor::sqrt, r.uniform(0.3, 3, r.shape(4, 4)))),
    RELU(r -> assertGradients(Tensor::relu, r.awayFromZero(r.shape(4, 4)))),
    RELU_BACKWARD(
        r -> {
          int[] s = r.shape(4, 4);
          Tensor x = r.normal(s);
          assertGradients(g -> Elementwise.reluBackward(g, x), r.normal(s));
        }),
    DOT(OpGradientTest::dot),
    MATMUL_TRANSPOSED(
        r -> {
          int m = r.between(1, 5);
          int k = r.between(1, 5);
          int n = r.between(1, 5);
          boolean ta = r.rng().nextBoolean();
          boolean tb = r.rng().nextBoolean();
          Tensor a = r.normal(ta ? new int[] {k, m} : new int[] {m, k});
          Tensor b = r.normal(tb ? new int[] {n, k} : new int[] {k, n});
          assertGradients(xs -> xs[0].matmul(xs[1], ta, tb), a, b);
        }),
    SUM(r -> reduction(r, (x, axes, keep) -> x.sum(axes, keep))),
    MEAN(r -> reduction(r, (x, axes, keep) -> x.mean(axes, keep))),
    MAX(
        r -> {
          int[] s = r.shape(4, 4);
          if (s.length == 0) {
            assertGradients(Tensor::max, r.distinct(s));
            return;
          }
          int axis = r.between(-s.length, s.length - 1);
          boolean keep = r.rng().nextBoolean();
          assertGradients(x -> x.max(axis, keep), r.distinct(s));
        }),
    BROADCAST_TO(
        r -> {
          int[] target = r.shape(4, 4);
          assertGradients(x -> x.broadcastTo(target), r.normal(r.broadcastableTo(target)));
        }),
    SUM_TO(
        r -> {
          int[] source = r.shape(4, 4);
          int[] target = r.broadcastableTo(source);
          assertGradients(x -> x.sumTo(target), r.normal(source));
        }),
    RESHAPE(
        r -> {
          int[] s = r.shape(4, 4);
          int size = Arrays.stream(s).reduce(1, (a, b) -> a * b);
          int[] to = r.rng().nextBoolean() ? new int[] {-1} : new int[] {size, 1};
          assertGradients(x -> x.reshape(to).mul(x.reshape(to)), r.normal(s));
        }),
    TRANSPOSE(
        r -> {
          int[] s = r.shape(4, 4);
          int[] perm = shuffled(r, s.length);
          Tensor weights = r.normal(permuted(s, perm));
          assertGradients(x -> x.transpose(perm).mul(weights), r.normal(s));
        }),
    SELECT(
        r -> {
          int n = r.between(1, 6);
          int k = r.between(1, 5);
          int[] labels = IntStream.range(0, n).map(i -> r.between(0, k - 1)).toArray();
          assertGradients(x -> x.select(labels), r.normal(n, k));
        }),
    SCATTER(
        r -> {
          int n = r.between(1, 6);
          int k = r.between(1, 5);
          int[] labels = IntStream.range(0, n).map(i -> r.between(0, k - 1)).toArray();
          assertGradients(g -> Indexing.scatter(g, labels, k), r.normal(n));
        }),
    GATHER(
        r -> {
          int[] s = r.shape(3, 4);
          int size = Arrays.stream(s).reduce(1, (a, b) -> a * b);
          int[] index = IntStream.range(0, 7).map(i -> r.between(-1, size - 1)).toArray();
          assertGradients(x -> x.gather(index, 7), r.normal(s));
        }),
    SCATTER_ADD(
        r -> {
          int n = r.between(1, 8);
          int[] index = IntStream.range(0, n).map(i -> r.between(-1, 4)).toArray();
          assertGradients(g -> g.scatterAdd(index, 5), r.normal(n));
        }),
    IM2COL(
        r -> {
          Window w = Window.random(r);
          assertGradients(x -> x.im2col(w.fh, w.fw, w.stride, w.pad), r.normal(w.image));
        }),
    COL2IM(
        r -> {
          Window w = Window.random(r);
          int[] colShape = Tensor.zeros(w.image).im2col(w.fh, w.fw, w.stride, w.pad).shape();
          assertGradients(c -> c.col2im(w.image, w.fh, w.fw, w.stride, w.pad), r.normal(colShape));
        }),
    CONV2D(
        r -> {
          Window w = Window.random(r);
          int filters = r.between(1, 3);
          assertGradients(
              xs -> xs[0].conv2d(xs[1], xs[2], w.stride, w.pad),
              r.normal(w.image),
              r.normal(filters, w.image[1], w.fh, w.fw),
              r.normal(filters));
        }),
    TANH(r -> assertGradients(Tanh::tanh, r.normal(r.shape(4, 4)))),
    ABS(r -> assertGradients(Abs::abs, r.awayFromZero(r.shape(4, 4)))),
    CLAMP(r -> assertGradients(x -> Clamp.clamp(x, -0.5, 0.7), r.normal(r.shape(4, 4)))),
    MAXIMUM(r -> binary(r, Extrema::maximum, false)),
    MINIMUM(r -> binary(r, Extrema::minimum, false)),
    CONCAT(
        r -> {
          int[] s = r.shape(3, 3);
          int[] base = s.length == 0 ? new int[] {2} : s;
          int axis = r.between(-base.length, base.length - 1);
          Tensor[] parts = new Tensor[r.between(1, 3)];
          for (int i = 0; i < parts.length; i++) {
            int[] part = base.clone();
            part[Math.floorMod(axis, base.length)] = r.between(0, 3);
            parts[i] = r.normal(part);
          }
          assertGradients(xs -> Concat.concat(axis, xs), parts);
        }),
    NARROW(
        r -> {
          int[] s = r.shape(3, 4);
          int[] base = s.length == 0 ? new int[] {3} : s;
          int axis = r.between(0, base.length - 1);
          int start = r.between(0, base[axis]);
          int length = r.between(0, base[axis] - start);
          assertGradients(x -> Narrow.narrow(x, axis, start, length), r.normal(base));
        }),
    STACK(
        r -> {
          int[] s = r.shape(3, 3);
          int axis = r.between(-s.length - 1, s.length);
          Tensor[] parts = new Tensor[r.between(1, 3)];
          for (int i = 0; i < parts.length; i++) {
            parts[i] = r.normal(s);
          }
          assertGradients(xs -> Stack.stack(axis, xs), parts);
        }),
    AFFINE(
        r -> {
          int in = r.between(1, 5);
          int out = r.between(1, 5);
          int[] xs = r.rng().nextBoolean() ? new int[] {in} : new int[] {r.between(1, 5), in};
          assertGradients(
              v -> AffineMap.affine(v[0], v[1], v[2]),
              r.normal(xs),
              r.normal(in, out),
              r.normal(out));
        });

    final Consumer<RandomShapes> check;

    Case(Consumer<RandomShapes> check) {
      this.check = check;
    }
  }

  static Stream<Arguments> cases() {
    return Arrays.stream(Case.values())
        .flatMap(c -> IntStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(c, seed)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void gradientsMatchCentralDifferences(Case c, int seed) {
    c.check.accept(new RandomShapes(seed * 7919L + c.ordinal()));
  }

  /** Smooth ops whose backward rules are themselves differentiable: check second order too. */
  @ParameterizedTest(name = "second order seed {0}")
  @MethodSource("seeds")
  void secondOrderGradientsOfSmoothOps(int seed) {
    RandomShapes r = new RandomShapes(seed);
    int[] s = r.shape(3, 3);
    int[] t = r.broadcastableTo(s);
    assertSecondOrderGradients(
        xs -> xs[0].mul(xs[1]).exp().add(xs[0].pow(3)).div(xs[1].mul(xs[1]).add(1)).log(),
        r.uniform(0.2, 1, s),
        r.uniform(0.2, 1, t));
    int m = r.between(1, 4);
    int k = r.between(1, 4);
    assertSecondOrderGradients(
        xs -> xs[0].dot(xs[1]).pow(2).sum(0).sqrt(),
        r.uniform(0.2, 1, m, k),
        r.uniform(0.2, 1, k, 2));
    int[] u = r.shape(2, 3);
    int axis = u.length == 0 ? 0 : r.between(0, u.length - 1);
    int[] v = u.length == 0 ? new int[] {2} : u;
    assertSecondOrderGradients(
        xs -> Tanh.tanh(Concat.concat(axis, xs[0], xs[1].mul(xs[0]))).pow(2),
        r.normal(v),
        r.normal(v));
  }

  static IntStream seeds() {
    return IntStream.range(0, SEEDS);
  }

  private interface Binary {
    Tensor apply(Tensor a, Tensor b);
  }

  private interface Reduction {
    Tensor apply(Tensor x, int[] axes, boolean keepDims);
  }

  private static void binary(RandomShapes r, Binary op, boolean positiveDivisor) {
    int[] out = r.shape(4, 4);
    int[] as = r.broadcastableTo(out);
    int[] bs = r.rng().nextBoolean() ? out : r.broadcastableTo(out);
    if (r.rng().nextBoolean()) {
      int[] tmp = as;
      as = bs;
      bs = tmp;
    }
    Tensor b = positiveDivisor ? r.uniform(0.5, 2, bs) : r.normal(bs);
    assertGradients(xs -> op.apply(xs[0], xs[1]), r.normal(as), b);
  }

  private static void dot(RandomShapes r) {
    int m = r.between(1, 5);
    int k = r.between(1, 5);
    int n = r.between(1, 5);
    int kind = r.between(0, 3);
    int[] as = kind == 0 || kind == 3 ? new int[] {k} : new int[] {m, k};
    int[] bs = kind == 2 || kind == 3 ? new int[] {k} : new int[] {k, n};
    assertGradients(xs -> xs[0].dot(xs[1]), r.normal(as), r.normal(bs));
  }

  private static void reduction(RandomShapes r, Reduction op) {
    int[] s = r.shape(4, 4);
    int[] axes = IntStream.range(0, s.length).filter(i -> r.rng().nextBoolean()).toArray();
    boolean keep = r.rng().nextBoolean();
    assertGradients(x -> op.apply(x, axes, keep), r.normal(s));
  }

  private static int[] shuffled(RandomShapes r, int n) {
    int[] p = IntStream.range(0, n).toArray();
    for (int i = n - 1; i > 0; i--) {
      int j = r.between(0, i);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  private static int[] permuted(int[] s, int[] perm) {
    return Arrays.stream(perm).map(i -> s[i]).toArray();
  }

  /** A random image and filter window that fit together. */
  private record Window(int[] image, int fh, int fw, int stride, int pad) {
    static Window random(RandomShapes r) {
      int fh = r.between(1, 3);
      int fw = r.between(1, 3);
      int stride = r.between(1, 2);
      int pad = r.between(0, 1);
      int h = r.between(Math.max(1, fh - 2 * pad), 5);
      int w = r.between(Math.max(1, fw - 2 * pad), 5);
      return new Window(new int[] {r.between(1, 2), r.between(1, 2), h, w}, fh, fw, stride, pad);
    }
  }
}
