package dev.tapegrad.bench;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.F;
import dev.tapegrad.layers.Module;

/**
 * The book's chapter-3 inference loop on tapegrad: softmax class scores for every image, batch by
 * batch, counting the predictions that match the labels. Each batch is a {@code slice} of the
 * images (no copy) run on a {@link Tape#inference()} tape, so the next batch reuses its arrays.
 */
public final class TapegradInference implements PreparedStep {
  private final Module network;
  private final Tensor images;
  private final int[] labels;
  private final int batchSize;
  private int lastCorrect;

  public TapegradInference(Module network, Tensor images, int[] labels, int batchSize) {
    if (images.dim(0) != labels.length || batchSize < 1) {
      throw new IllegalArgumentException(
          "inference needs one label per image and a positive batch size; got "
              + images.dim(0)
              + " images, "
              + labels.length
              + " labels, batch "
              + batchSize);
    }
    this.network = network;
    this.images = images;
    this.labels = labels.clone();
    this.batchSize = batchSize;
  }

  @Override
  @SuppressWarnings("try") // the open tape collects each batch's results; no need to name it
  public void run() {
    int correct = 0;
    for (int start = 0; start < labels.length; start += batchSize) {
      int end = Math.min(labels.length, start + batchSize);
      try (Tape tape = Tape.inference()) {
        Tensor probabilities = F.softmax(network.apply(images.slice(start, end)));
        double[] predicted = probabilities.argmax(1).data();
        for (int i = 0; i < predicted.length; i++) {
          if ((int) predicted[i] == labels[start + i]) {
            correct++;
          }
        }
      }
    }
    lastCorrect = correct;
  }

  /** Correct predictions in the latest pass. */
  public int lastCorrect() {
    return lastCorrect;
  }
}
