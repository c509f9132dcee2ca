package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option: a directory of the four MNIST IDX files, or the embedded sample.
 */
public final class DataOptions implements ValidatedOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Directory with the four MNIST-format IDX files (full MNIST, Fashion-MNIST);"
              + " default: the embedded 8,000/2,000 MNIST sample.")
  private Path directory;

  @Override
  public void validate() throws IOException {
    if (directory != null) {
      Require.readableDirectory("--data", directory);
    }
  }

  /**
   * Loads the data normalised to [0,1], as flat vectors or (N,1,28,28) images.
   *
   * @throws IOException also when the training or the test set holds no image
   */
  public TrainTestSplit load(boolean images) throws IOException {
    MnistOptions options = MnistOptions.defaults().withFlatten(!images);
    TrainTestSplit split =
        directory == null ? Mnist.embeddedSample(options) : Mnist.load(directory, options);
    if (split.train().size() == 0 || split.test().size() == 0) {
      String empty = split.train().size() == 0 ? "training" : "test";
      throw new IOException(describe() + ": the " + empty + " set holds no images");
    }
    return split;
  }

  /**
   * The first {@code n} samples of {@code set}, or all of them when {@code n} is 0.
   *
   * @param option the option that asked for {@code n}, named when the set is smaller
   */
  public Dataset first(Dataset set, int n, String option) {
    if (n > set.size()) {
      throw new IllegalArgumentException(
          option + " " + n + " is more than the " + set.size() + " samples of " + describe());
    }
    return n == 0 ? set : set.subset(n);
  }

  /** The {@code --data} directory, or {@code null} for the embedded sample. */
  public Path directory() {
    return directory;
  }

  /** Where the data comes from, for reports. */
  public String describe() {
    return directory == null ? "embedded MNIST sample" : directory.toString();
  }
}
