package dev.tapegrad.layers.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The book's weight_init_std rules: target std per fan-in, sampled spread, seeds and parsing. */
class WeightInitTest {

  @Test
  void stdFollowsTheRuleAndTheFanIn() {
    // Xavier sqrt(1/n), He sqrt(2/n); the book's 100-node layers give 0.1 and 0.1414...
    assertEquals(0.1, WeightInit.xavier().std(100), 1e-15);
    assertEquals(Math.sqrt(0.02), WeightInit.he().std(100), 1e-15);
    assertEquals(0.05050762722761054, WeightInit.he().std(784), 1e-15);
    assertEquals(0.01, WeightInit.normal(0.01).std(784));
  }

  /**
   * Seeds x rules: sample std of 100,000 or more draws within 2% of the target (its error is
   * ~0.2%).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | 0.01    | 400x500    | 0.01",
        "2 | relu    | 400x500    | 0.07071067811865475",
        "3 | xavier  | 400x500    | 0.05",
        "4 | he      | 500x8x5x5  | 0.1",
        "5 | sigmoid | 500x8x5x5  | 0.07071067811865475"
      })
  void sampledSpreadMatchesTheTarget(long seed, String spec, String dims, double target) {
    int[] shape = Arrays.stream(dims.split("x")).mapToInt(Integer::parseInt).toArray();

    Tensor w = WeightInit.parse(spec).create(new SplittableRandom(seed), shape);

    assertArrayEquals(shape, w.shape());
    double[] d = w.data();
    double mean = 0;
    for (double x : d) {
      mean += x;
    }
    mean /= d.length;
    double var = 0;
    for (double x : d) {
      var += (x - mean) * (x - mean);
    }
    double std = Math.sqrt(var / d.length);
    assertEquals(target, std, 0.02 * target, "sample std");
    assertEquals(0, mean, 0.02 * target, "sample mean");
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    WeightInit he = WeightInit.he();
    double[] a = he.create(new SplittableRandom(42), 30, 1, 5, 5).data();
    double[] b = he.create(new SplittableRandom(42), 30, 1, 5, 5).data();
    double[] c = he.create(new SplittableRandom(43), 30, 1, 5, 5).data();
    assertArrayEquals(a, b, 0.0);
    assertFalse(Arrays.equals(a, c));
  }

  @Test
  void weightsAreStdTimesStandardNormalDraws() {
    double[] z = Tensor.randn(new SplittableRandom(9), 4, 3).data();
    double[] w = WeightInit.xavier().create(new SplittableRandom(9), 4, 3).data();
    for (int i = 0; i < z.length; i++) {
      assertEquals(0.5 * z[i], w[i], 1e-15);
    }
  }

  @Test
  void aFixedStdAcceptsAnyShapeButScaledRulesNeedAFanIn() {
    assertArrayEquals(
        new int[] {7}, WeightInit.normal(0.01).create(new SplittableRandom(1), 7).shape());
    assertThrows(
        IllegalArgumentException.class, () -> WeightInit.he().create(new SplittableRandom(1), 7));
  }

  @Test
  void biasesStartAtZero() {
    Tensor b = Initializer.zeros().create(new SplittableRandom(1), 100);
    assertArrayEquals(new double[100], b.data());
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu", "he", "ReLU", " HE "})
  void reluAndHeMeanHe(String spec) {
    assertEquals(WeightInit.he(), WeightInit.parse(spec));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sigmoid", "xavier", "Sigmoid", "XAVIER"})
  void sigmoidAndXavierMeanXavier(String spec) {
    assertEquals(WeightInit.xavier(), WeightInit.parse(spec));
  }

  @ParameterizedTest
  @CsvSource({"0.01, 0.01", "1e-2, 0.01", "1, 1.0", ".5, 0.5", "1.0E-4, 0.0001"})
  void numbersMeanAFixedStd(String spec, double std) {
    assertEquals(WeightInit.normal(std), WeightInit.parse(spec));
  }

  @Test
  void toStringParsesBack() {
    for (WeightInit init :
        new WeightInit[] {WeightInit.he(), WeightInit.xavier(), WeightInit.normal(1e-4)}) {
      assertEquals(init, WeightInit.parse(init.toString()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tanh", "", "0", "-0.01", "NaN", "Infinity", "0.01d", "0x1p-3", "1e400"})
  void otherSpecsAreRejected(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WeightInit.parse(spec));
    assertTrue(e.getMessage().startsWith("weight_init_std:"), e.getMessage());
  }

  @Test
  void theRejectionSaysWhatIsAccepted() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WeightInit.parse("tanh"));
    assertEquals(
        "weight_init_std: unknown spec 'tanh'; expected a positive number (e.g. 0.01),"
            + " 'relu' or 'he', 'sigmoid' or 'xavier'",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WeightInit.normal(0));
    assertThrows(IllegalArgumentException.class, () -> WeightInit.he().std(0));
  }
}
