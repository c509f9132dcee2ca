package dev.tapegrad.autograd;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Seeded generators of shapes and values for property-style tests. */
public final class RandomShapes {
  private final Random rng;

  public RandomShapes(long seed) {
    this.rng = new Random(seed);
  }

  /** Every constant of {@code cases} with each seed {@code 0..seeds-1}: arguments (case, seed). */
  public static <E extends Enum<E>> Stream<Arguments> casesAndSeeds(Class<E> cases, int seeds) {
    return Arrays.stream(cases.getEnumConstants())
        .flatMap(c -> IntStream.range(0, seeds).mapToObj(seed -> Arguments.of(c, seed)));
  }

  public Random rng() {
    return rng;
  }

  public int between(int lo, int hi) {
    return lo + rng.nextInt(hi - lo + 1);
  }

  /** A shape of rank 0..maxRank with dimensions 1..maxDim. */
  public int[] shape(int maxRank, int maxDim) {
    int[] s = new int[between(0, maxRank)];
    for (int i = 0; i < s.length; i++) {
      s[i] = between(1, maxDim);
    }
    return s;
  }

  /**
   * A shape that broadcasts to {@code target}: a suffix of it (possibly shorter) with some
   * dimensions replaced by 1.
   */
  public int[] broadcastableTo(int[] target) {
    int rank = between(0, target.length);
    int[] s = new int[rank];
    for (int i = 0; i < rank; i++) {
      int d = target[target.length - rank + i];
      s[i] = rng.nextInt(3) == 0 ? 1 : d;
    }
    return s;
  }

  /** Standard normal values. */
  public Tensor normal(int... shape) {
    return Tensor.randn(rng, shape);
  }

  /** Values in [lo, hi). */
  public Tensor uniform(double lo, double hi, int... shape) {
    return Tensor.uniform(rng, lo, hi, shape);
  }

  /** Values with |x| in [0.2, 2): safely away from the kinks of relu and friends. */
  public Tensor awayFromZero(int... shape) {
    Tensor t = uniform(0.2, 2, shape);
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      if (rng.nextBoolean()) {
        d[i] = -d[i];
      }
    }
    return t;
  }

  /** Distinct values (a shuffled, spaced ramp), so max has no ties. */
  public Tensor distinct(int... shape) {
    Tensor t = Tensor.zeros(shape);
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = 0.1 * i + 0.01 * rng.nextDouble();
    }
    for (int i = d.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double tmp = d[i];
      d[i] = d[j];
      d[j] = tmp;
    }
    return t;
  }
}
