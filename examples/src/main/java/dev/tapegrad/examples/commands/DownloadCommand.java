package dev.tapegrad.examples.commands;

import dev.tapegrad.examples.cli.Outputs;
import dev.tapegrad.examples.cli.Require;
import dev.tapegrad.examples.cli.ValidatedOptions;
import dev.tapegrad.examples.download.Checksums;
import dev.tapegrad.examples.download.Downloader;
import dev.tapegrad.examples.download.ExpectedFile;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Fetches the full MNIST (60,000 + 10,000 digits, section 3.6.1) from public mirrors, checks each
 * file's SHA-256 and loads the result once, so that {@code --data DIR} works for every command.
 */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description =
        "Section 3.6.1: download the full MNIST (four files) from public mirrors, verified"
            + " by SHA-256, for --data DIR.")
public final class DownloadCommand implements Callable<Integer>, ValidatedOptions {
  private static final List<String> MNIST_FILES =
      List.of(
          "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
          "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

  @Mixin private Outputs out;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to put the four files (default: <out>/download/mnist).")
  private Path dir;

  @Option(
      names = "--mirror",
      paramLabel = "URL",
      defaultValue =
          "https://ossci-datasets.s3.amazonaws.com/mnist/,"
              + "https://storage.googleapis.com/cvdf-datasets/mnist/",
      split = ",",
      description =
          "Base URLs to try in order, comma-separated or repeated (default: PyTorch's and"
              + " TensorFlow's MNIST mirrors).")
  private List<URI> mirrors;

  @Option(
      names = "--checksums",
      paramLabel = "FILE",
      description =
          "SHA-256 sums in sha256sum format for another MNIST-format dataset (e.g."
              + " Fashion-MNIST from its own --mirror); default: the official MNIST files' sums.")
  private Path checksums;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Connect and response timeout per request (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Override
  public void validate() throws IOException {
    Downloader.baseUrls(mirrors);
    Require.atLeast("--timeout", timeoutSeconds, 1);
    if (checksums != null) {
      Require.readableFile("--checksums", checksums);
    }
    if (dir != null) {
      Require.writableDirectory("--dir", dir);
    }
  }

  @Override
  public Integer call() throws IOException {
    List<ExpectedFile> files = checksums != null ? Checksums.read(checksums) : Checksums.mnist();
    List<String> names = files.stream().map(ExpectedFile::name).toList();
    if (!names.containsAll(MNIST_FILES)) {
      throw new IllegalArgumentException(
          "the checksums must cover the four MNIST-format"
              + " files "
              + MNIST_FILES
              + "; "
              + checksums
              + " lists "
              + names);
    }
    Path target = dir != null ? dir : out.directory().resolve("download").resolve("mnist");
    Downloader downloader = new Downloader(mirrors, Duration.ofSeconds(timeoutSeconds));
    for (ExpectedFile file : files) {
      Path path = target.resolve(file.name());
      Downloader.Outcome outcome = downloader.fetch(file, path);
      out.recordWritten(path);
      System.out.printf(
          Locale.ROOT,
          "%-28s %s, SHA-256 verified%n",
          file.name(),
          outcome == Downloader.Outcome.DOWNLOADED ? "downloaded" : "already present");
    }
    TrainTestSplit mnist = Mnist.load(target, MnistOptions.defaults());
    System.out.printf(
        Locale.ROOT,
        "%s: %d training and %d test images; use --data %s%n",
        target,
        mnist.train().size(),
        mnist.test().size(),
        target);
    return 0;
  }
}
