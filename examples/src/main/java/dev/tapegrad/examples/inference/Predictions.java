package dev.tapegrad.examples.inference;

import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.net.Network;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A network's predicted class for every sample of a dataset, next to the true labels: accuracy, the
 * misclassified samples and a CSV of {@code index,label,predicted}.
 */
public final class Predictions {
  private final int[] labels;
  private final int[] predicted;

  private Predictions(int[] labels, int[] predicted) {
    this.labels = labels;
    this.predicted = predicted;
  }

  /**
   * Runs {@code network} in evaluation mode (and leaves it there) over {@code data} in batches of
   * {@code batchSize} ({@link Network#predictedClasses}) and takes the highest score of each
   * sample.
   */
  public static Predictions of(Network network, Dataset data, int batchSize) {
    int[] predicted = network.predictedClasses(data.images(), batchSize);
    network.eval();
    return new Predictions(data.labels(), predicted);
  }

  /** Number of samples. */
  public int size() {
    return labels.length;
  }

  /** The predicted class of sample {@code index}. */
  public int predicted(int index) {
    return predicted[index];
  }

  /** The true class of sample {@code index}. */
  public int label(int index) {
    return labels[index];
  }

  /** How many samples were predicted correctly. */
  public int correct() {
    return size() - misclassified().length;
  }

  /** Fraction predicted correctly (0 for no samples). */
  public double accuracy() {
    return size() == 0 ? 0 : (double) correct() / size();
  }

  /** Indices of the wrongly predicted samples, ascending. */
  public int[] misclassified() {
    return IntStream.range(0, size()).filter(i -> predicted[i] != labels[i]).toArray();
  }

  /** The first {@code n} predictions as one string of digits (classes 0-9), for a quick look. */
  public String firstDigits(int n) {
    StringBuilder sb = new StringBuilder();
    Arrays.stream(predicted).limit(n).forEach(sb::append);
    return sb.toString();
  }

  /** CSV {@code index,label,predicted} with one line for every sample. */
  public String csv() {
    return csv(IntStream.range(0, size()).toArray());
  }

  /** CSV {@code index,label,predicted} with one line per listed sample. */
  public String csv(int[] indices) {
    StringBuilder sb = new StringBuilder("index,label,predicted\n");
    for (int i : indices) {
      sb.append(i).append(',').append(labels[i]).append(',').append(predicted[i]).append('\n');
    }
    return sb.toString();
  }
}
