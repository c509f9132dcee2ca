package dev.tapegrad.layers.data;

import static dev.tapegrad.layers.data.IndexedDatasets.indexed;
import static dev.tapegrad.layers.data.IndexedDatasets.originalIndices;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiniBatchesTest {

  @ParameterizedTest(name = "n={0} batch={1} seed={2}")
  @CsvSource({"10, 3, 1", "10, 5, 2", "7, 7, 3", "7, 10, 4", "100, 32, 5", "1, 1, 6", "0, 4, 7"})
  void coverEverySampleExactlyOnceInFullBatchesAndOneSmallerLast(int n, int batchSize, long seed) {
    Dataset data = indexed(n).withOneHotTargets(true);

    MiniBatches batches = data.batches(batchSize, seed);

    int expectedCount = (n + batchSize - 1) / batchSize;
    assertEquals(expectedCount, batches.count());
    List<Integer> seen = new ArrayList<>();
    int k = 0;
    for (Batch batch : batches) {
      int expectedSize = k < expectedCount - 1 ? batchSize : n - batchSize * (expectedCount - 1);
      assertEquals(expectedSize, batch.size(), "batch " + k);
      assertArrayEquals(batch.indices(), originalIndices(batch.samples()), "batch " + k);
      assertArrayEquals(new int[] {expectedSize, 2}, batch.images().shape());
      assertArrayEquals(new int[] {expectedSize, IndexedDatasets.CLASSES}, batch.targets().shape());
      assertEquals(expectedSize, batch.labels().length);
      Arrays.stream(batch.indices()).forEach(seen::add);
      k++;
    }
    assertEquals(expectedCount, k);
    assertArrayEquals(
        IntStream.range(0, n).toArray(), seen.stream().mapToInt(i -> i).sorted().toArray());
    assertArrayEquals(batches.order(), seen.stream().mapToInt(i -> i).toArray());
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "3", "12345"})
  void areReproduciblePerSeedAndDifferAcrossSeeds(long seed) {
    Dataset data = indexed(100);

    MiniBatches batches = data.batches(10, seed);

    assertArrayEquals(batches.order(), data.batches(10, seed).order());
    assertArrayEquals(batches.order(), indicesInIterationOrder(batches));
    assertArrayEquals(batches.order(), indicesInIterationOrder(batches), "iterating twice");
    assertFalse(Arrays.equals(batches.order(), data.batches(10, seed + 1).order()));
  }

  @Test
  void oneGeneratorGivesANewButReproducibleOrderEachEpoch() {
    Dataset data = indexed(50);
    SplittableRandom rng = new SplittableRandom(11);
    int[] first = data.batches(8, rng).order();
    int[] second = data.batches(8, rng).order();

    SplittableRandom again = new SplittableRandom(11);
    assertFalse(Arrays.equals(first, second));
    assertArrayEquals(first, data.batches(8, again).order());
    assertArrayEquals(second, data.batches(8, again).order());
    assertArrayEquals(first, data.batches(8, 11L).order());
  }

  @Test
  void sequentialBatchesKeepTheDatasetOrder() {
    MiniBatches batches = indexed(7).sequentialBatches(3);

    assertArrayEquals(IntStream.range(0, 7).toArray(), indicesInIterationOrder(batches));
    assertEquals(3, batches.count());
    assertEquals(3, batches.batchSize());
  }

  @Test
  void refuseABatchSizeBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> indexed(5).sequentialBatches(0));
    assertEquals("mini-batches: batch size must be at least 1, got 0", e.getMessage());
  }

  @Test
  void sayWhenAllBatchesWereTaken() {
    Iterator<Batch> it = indexed(2).batches(2, 1L).iterator();
    it.next();

    NoSuchElementException e = assertThrows(NoSuchElementException.class, it::next);
    assertEquals("mini-batches: all 1 batches were taken", e.getMessage());
  }

  private static int[] indicesInIterationOrder(MiniBatches batches) {
    List<Integer> seen = new ArrayList<>();
    for (Batch batch : batches) {
      Arrays.stream(originalIndices(batch.samples())).forEach(seen::add);
    }
    return seen.stream().mapToInt(i -> i).toArray();
  }
}
