package dev.tapegrad.examples.cli;

import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option: a directory of the four MNIST IDX files, or the embedded sample. */
public final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Directory with the four MNIST-format IDX files (full MNIST, Fashion-MNIST);"
          + " default: the embedded 8,000/2,000 MNIST sample.")
  private Path directory;

  /** Loads the data normalised to [0,1], as flat vectors or (N,1,28,28) images. */
  public TrainTestSplit load(boolean images) throws IOException {
    MnistOptions options = MnistOptions.defaults().withFlatten(!images);
    return directory == null ? Mnist.embeddedSample(options) : Mnist.load(directory, options);
  }

  /** Where the data comes from, for reports. */
  public String describe() {
    return directory == null ? "embedded MNIST sample" : directory.toString();
  }
}
