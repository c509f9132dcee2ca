package dev.tapegrad.layers.data;

import static dev.tapegrad.layers.data.IndexedDatasets.indexed;
import static dev.tapegrad.layers.data.IndexedDatasets.originalIndices;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetTest {

  @Test
  void rejectsLabelsThatDoNotMatchTheImages() {
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dataset.of(Tensor.zeros(3, 2), new int[] {0, 1}, 2));
    assertEquals(
        "dataset: images of shape (3,2) do not match 2 labels (the first axis must have one entry"
            + " per label)",
        count.getMessage());

    IllegalArgumentException range =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dataset.of(Tensor.zeros(2, 2), new int[] {0, 2}, 2));
    assertEquals("dataset: label 2 of sample 1 is outside 0..1", range.getMessage());
  }

  @Test
  void aSampleIsRandomDistinctInOrderAndTheSameForTheSameSeed() {
    Dataset data = indexed(1000);
    int[] picked = originalIndices(data.sample(100, 3));
    assertEquals(100, picked.length);
    assertEquals(100, IntStream.of(picked).distinct().count());
    int[] sorted = picked.clone();
    Arrays.sort(sorted);
    assertArrayEquals(sorted, picked);
    assertTrue(picked[99] > 100, "not the first 100: " + Arrays.toString(picked));
    assertArrayEquals(picked, originalIndices(data.sample(100, 3)));
    assertFalse(Arrays.equals(picked, originalIndices(data.sample(100, 4))));
    assertEquals(
        "dataset: cannot sample 1001 of 1000 samples",
        assertThrows(IllegalArgumentException.class, () -> data.sample(1001, 3)).getMessage());
  }

  @Test
  void keepsItsOwnCopyOfTheLabels() {
    int[] labels = {0, 1};
    Dataset data = Dataset.of(Tensor.zeros(2, 1), labels, 2);
    labels[0] = 1;
    data.labels()[1] = 0;

    assertArrayEquals(new int[] {0, 1}, data.labels());
  }

  @Test
  void encodesTargetsAsClassIndicesOrOneHotRows() {
    Dataset data = Dataset.of(Tensor.zeros(3, 1), new int[] {2, 0, 1}, 3);

    assertFalse(data.hasOneHotTargets());
    assertArrayEquals(new double[] {2, 0, 1}, data.targets().data());
    assertArrayEquals(new int[] {3}, data.targets().shape());

    Dataset oneHot = data.withOneHotTargets(true);
    assertTrue(oneHot.hasOneHotTargets());
    assertArrayEquals(new int[] {3, 3}, oneHot.targets().shape());
    assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, oneHot.targets().data());
    assertArrayEquals(oneHot.targets().data(), data.oneHotLabels().data());
  }

  @Test
  void countsSamplesPerClass() {
    assertArrayEquals(new int[] {4, 3, 3}, indexed(10).classCounts());
  }

  @Test
  void rowsPicksSamplesInTheGivenOrderAndCopiesThem() {
    Dataset data = indexed(6).withOneHotTargets(true);

    Dataset picked = data.rows(new int[] {4, 1, 4});

    assertArrayEquals(new int[] {4, 1, 4}, originalIndices(picked));
    assertTrue(picked.hasOneHotTargets());
    picked.images().data()[0] = -1;
    assertEquals(4.0, data.images().get(4, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> data.rows(new int[] {6}));
  }

  @Test
  void subsetTakesTheFirstSamples() {
    Dataset data = indexed(10);

    assertArrayEquals(new int[] {0, 1, 2, 3}, originalIndices(data.subset(4)));
    assertEquals(0, data.subset(0).size());
    assertEquals(10, data.subset(10).size());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> data.subset(11));
    assertEquals("dataset: cannot take a subset of 11 from 10 samples", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 42, 20261123})
  void shuffleIsAReproduciblePermutation(long seed) {
    Dataset data = indexed(40);

    int[] order = originalIndices(data.shuffled(seed));

    assertArrayEquals(IntStream.range(0, 40).toArray(), Arrays.stream(order).sorted().toArray());
    assertArrayEquals(order, originalIndices(data.shuffled(seed)));
    assertFalse(Arrays.equals(order, originalIndices(data.shuffled(seed + 1))));
    assertFalse(Arrays.equals(order, IntStream.range(0, 40).toArray()));
  }

  @ParameterizedTest
  @CsvSource({"50, 0.2, 10, 7", "8000, 0.2, 1600, 1", "7, 0.5, 3, 3", "10, 0.25, 2, 99"})
  void validationIsTheFirstFractionAfterASeededShuffle(
      int n, double fraction, int held, long seed) {
    Dataset data = indexed(n);

    TrainValidationSplit split = data.splitValidation(fraction, seed);

    int[] shuffled = originalIndices(data.shuffled(seed));
    assertArrayEquals(Arrays.copyOfRange(shuffled, 0, held), originalIndices(split.validation()));
    assertArrayEquals(Arrays.copyOfRange(shuffled, held, n), originalIndices(split.train()));
    assertEquals(n - held, split.train().size());
  }

  @ParameterizedTest
  @CsvSource({"10, 0.0", "10, 1.0", "10, 0.05", "10, -0.5", "10, NaN", "1, 0.5"})
  void refusesASplitWithAnEmptyPart(int n, double fraction) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> indexed(n).splitValidation(fraction, 1));
    assertTrue(e.getMessage().contains("both parts must be non-empty"), e.getMessage());
  }

  @Test
  void describesItself() {
    assertEquals("Dataset(10 samples, images (10,2), 3 classes)", indexed(10).toString());
    assertEquals(
        "Dataset(10 samples, images (10,2), 3 classes, one-hot targets)",
        indexed(10).withOneHotTargets(true).toString());
  }
}
