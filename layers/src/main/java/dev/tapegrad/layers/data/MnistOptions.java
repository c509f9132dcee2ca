package dev.tapegrad.layers.data;

/**
 * How MNIST is delivered, as in the book's {@code load_mnist}: pixels divided by 255 into [0, 1]
 * ({@code normalize}) or kept as 0..255, images as rows of 784 ({@code flatten}) or as (1, 28, 28)
 * one-channel images, and targets as one-hot rows of 10 ({@code oneHotLabel}) or as class indices.
 */
public record MnistOptions(boolean normalize, boolean flatten, boolean oneHotLabel) {

  /** The book's defaults: normalized, flattened, class-index targets. */
  public static MnistOptions defaults() {
    return new MnistOptions(true, true, false);
  }

  /** These options with {@code normalize} replaced. */
  public MnistOptions withNormalize(boolean value) {
    return new MnistOptions(value, flatten, oneHotLabel);
  }

  /** These options with {@code flatten} replaced. */
  public MnistOptions withFlatten(boolean value) {
    return new MnistOptions(normalize, value, oneHotLabel);
  }

  /** These options with {@code oneHotLabel} replaced. */
  public MnistOptions withOneHotLabel(boolean value) {
    return new MnistOptions(normalize, flatten, value);
  }
}
