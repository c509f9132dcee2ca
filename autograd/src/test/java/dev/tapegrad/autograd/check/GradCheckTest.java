package dev.tapegrad.autograd.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.UnaryOp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The checker itself: it must catch wrong rules, say where, and tolerate kinks. */
class GradCheckTest {

  /** x² with a backward rule that is off by a factor of two. */
  private static Tensor wrongSquare(Tensor x) {
    return Op.named("square")
        .inputs(x)
        .record(Tensor.wrap(UnaryOp.pow(x.data(), 2), x.shape()), gy -> new Tensor[] {gy.mul(x)});
  }

  /** x² whose backward is right once but treats x as a constant, so its own gradient is wrong. */
  private static Tensor firstOrderOnlySquare(Tensor x) {
    return Op.named("square")
        .inputs(x)
        .record(
            Tensor.wrap(UnaryOp.pow(x.data(), 2), x.shape()),
            gy -> new Tensor[] {gy.mul(x.detach()).mul(2)});
  }

  @Test
  void aWrongBackwardRuleFailsWithTheWorstElement() {
    Tensor x = Tensor.of(new double[] {1, -2, 3, 0.5}, 2, 2).named("x");
    GradCheckReport report = GradCheck.withDefaults().check(xs -> wrongSquare(xs[0]).sum(), x);
    assertFalse(report.passed());
    GradCheckReport.Entry e = report.entries().get(0);
    assertEquals("x", e.name());
    assertEquals(3, e.analytic(), 1e-12); // worst element [1, 0]: analytic x = 3, numeric 2x = 6
    assertEquals(6, e.numeric(), 1e-6);
    assertEquals(3, e.maxAbsoluteError(), 1e-6);
    assertEquals(0.5, e.maxRelativeError(), 1e-6);
    AssertionError error =
        assertThrows(
            AssertionError.class, () -> GradCheck.assertGradients(GradCheckTest::wrongSquare, x));
    assertTrue(
        error.getMessage().contains("x (2,2): worst element [1, 0] analytic "), error.getMessage());
    assertTrue(error.getMessage().contains("FAILED"));
  }

  @Test
  void aCorrectRulePassesAndLeavesInputsUntouched() {
    Tensor x = Tensor.randn(new Random(1), 3, 4);
    double[] before = x.data().clone();
    GradCheckReport report = GradCheck.withDefaults().check(xs -> xs[0].mul(xs[0].exp()), x);
    assertTrue(report.passed(), report::toString);
    assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(x.data()));
    assertFalse(x.needsGrad());
  }

  @Test
  void reluExactlyAtZeroIsAKinkNotAFailure() {
    Tensor x = Tensor.vector(0, 1, -1, 0);
    GradCheckReport report = GradCheck.withDefaults().check(xs -> xs[0].relu(), x);
    assertTrue(report.passed(), report::toString);
    assertEquals(2, report.entries().get(0).kinks());
  }

  /** A second kink 5e-7 away, inside the step 1e-6: neither one-sided slope matches at first. */
  @Test
  void twoKinksWithinOneStepAreStillRecognised() {
    Tensor x = Tensor.vector(0, 2);
    GradCheckReport report =
        GradCheck.withDefaults().check(xs -> xs[0].relu().add(xs[0].neg().sub(5e-7).relu()), x);
    assertTrue(report.passed(), report::toString);
    assertEquals(1, report.entries().get(0).kinks());
  }

  @Test
  void secondOrderCheckCatchesABackwardThatIsNotDifferentiable() {
    Tensor x = Tensor.vector(0.5, -1.5, 2);
    GradCheck.assertGradients(GradCheckTest::firstOrderOnlySquare, x);
    assertFalse(
        GradCheck.withDefaults().checkSecondOrder(xs -> firstOrderOnlySquare(xs[0]), x).passed());
    GradCheck.assertSecondOrderGradients(xs -> xs[0].pow(2), x);
  }

  @Test
  void parameterModeReportsEachNamedParameter() {
    Random rng = new Random(3);
    Tensor w = Tensor.randn(rng, 3, 2).requiresGrad();
    Tensor b = Tensor.randn(rng, 2).requiresGrad();
    Tensor input = Tensor.randn(rng, 4, 3);
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("Affine.W", w);
    params.put("Affine.b", b);
    GradCheckReport good =
        GradCheck.withDefaults().checkParameters(params, () -> input.dot(w).add(b).exp().sum());
    assertTrue(good.passed(), good::toString);
    assertEquals("Affine.W", good.entries().get(0).name());
    GradCheckReport bad =
        GradCheck.withDefaults()
            .checkParameters(params, () -> wrongSquare(input.dot(w).add(b)).sum());
    assertFalse(bad.passed());
    assertTrue(bad.toString().contains("Affine.b (2,): worst element"), bad::toString);
  }

  @Test
  void theSampledParameterAssertionDifferencesOnlyItsSample() {
    Random rng = new Random(4);
    Tensor w = Tensor.randn(rng, 40, 50).requiresGrad();
    Tensor b = Tensor.randn(rng, 50).requiresGrad();
    Tensor input = Tensor.randn(rng, 3, 40);
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("Affine.W", w);
    params.put("Affine.b", b);
    int[] evaluations = {0};
    GradCheck.assertParameterGradients(
        params,
        () -> {
          evaluations[0]++;
          return input.dot(w).add(b).mul(0.1).exp().sum();
        },
        5,
        1);
    // one pass for backward, then per tensor a centre and two sides per sampled element
    assertEquals(1 + 2 * (1 + 2 * 5), evaluations[0]);
  }

  @Test
  void theSampledParameterAssertionNamesTheParameterAndIndex() {
    Random rng = new Random(5);
    Tensor w = Tensor.randn(rng, 30, 20).requiresGrad();
    Tensor input = Tensor.randn(rng, 2, 30);
    Map<String, Tensor> params = Map.of("Dense.W", w);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                GradCheck.assertParameterGradients(
                    params, () -> wrongSquare(input.dot(w)).sum(), 8, 7));
    String first = error.getMessage().lines().findFirst().orElseThrow();
    assertTrue(first.matches("gradcheck failed at Dense\\.W\\[\\d+, \\d+\\]: analytic .*"), first);
    assertThrows(
        IllegalArgumentException.class,
        () -> GradCheck.assertParameterGradients(params, () -> input.dot(w).sum(), 0, 7));
  }

  @Test
  void relativeErrorIsSymmetricAndZeroForZeros() {
    assertEquals(0, GradCheck.relativeError(0, 0));
    assertEquals(0.5, GradCheck.relativeError(1, 2));
    assertEquals(0.5, GradCheck.relativeError(2, 1));
  }
}
