package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kernels that take their result from {@link Workspace#take} (old contents) must write every
 * element: with the pool full of NaN arrays of the result's length, they give the same numbers.
 */
class StalePoolTest {
  private static final Tensor X = Tensor.randn(new Random(8), 6, 40, 50);

  static Stream<Named<Supplier<double[]>>> kernels() {
    int[] s = X.shape();
    int[] everyOther = new int[X.size() / 2];
    Arrays.setAll(everyOther, i -> 2 * i);
    return Stream.of(
        Named.of("permute (block swap)", () -> Layout.permute(X.data(), s, new int[] {0, 2, 1})),
        Named.of("permute (general)", () -> Layout.permute(X.data(), s, new int[] {1, 0, 2})),
        Named.of(
            "broadcastTo (rows)", () -> Layout.broadcastTo(X.data(), s, new int[] {2, 6, 40, 50})),
        Named.of(
            "broadcastTo (general)",
            () ->
                Layout.broadcastTo(
                    new double[] {1, 2, 3, 4, 5, 6}, new int[] {6, 1, 1}, new int[] {6, 40, 50})),
        Named.of("gather", () -> X.gather(everyOther, everyOther.length).data()));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void resultsDoNotDependOnWhatThePoolHeld(Supplier<double[]> kernel) throws InterruptedException {
    AtomicReference<double[]> fresh = new AtomicReference<>();
    AtomicReference<double[]> stale = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              double[] expected = kernel.get().clone();
              fresh.set(expected);
              for (int i = 0; i < 4; i++) {
                double[] nan = new double[expected.length];
                Arrays.fill(nan, Double.NaN);
                Workspace.give(nan);
              }
              stale.set(kernel.get());
            });
    thread.start();
    thread.join();
    assertArrayEquals(fresh.get(), stale.get());
  }
}
