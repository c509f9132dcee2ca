package dev.tapegrad.examples.cli;

import dev.tapegrad.examples.inference.BookNetwork;
import dev.tapegrad.examples.inference.CheckpointNetwork;
import dev.tapegrad.examples.inference.LoadedNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of commands that run a trained network: {@code --net} (one of the book's trained
 * networks or a checkpoint written by {@code train}), {@code --weights} for the book's pickles, and
 * {@code --arch}, {@code --dropout} for checkpoints.
 */
public final class TrainedNetworkOptions implements ValidatedOptions {
  @Option(
      names = "--net",
      paramLabel = "NET",
      description =
          "book-ch3 (the section 3.6 network, sample_weight.pkl), book-ch7 (SimpleConvNet,"
              + " params.pkl), book-ch8 (DeepConvNet, deep_convnet_params.pkl), or the path of a"
              + " checkpoint .npz written by train.")
  private String net;

  @Option(
      names = "--weights",
      paramLabel = "FILE",
      description =
          "Another copy of the book's pickle for book-ch3/7/8 (default: the book's file,"
              + " which ships with tapegrad).")
  private Path weights;

  @Option(
      names = "--arch",
      paramLabel = "NAME",
      description =
          "Architecture of a checkpoint: two-layer, multi-layer, multi-layer-extend,"
              + " simple-conv or deep-conv (default: recognised from its parameter names and shapes).")
  private String arch;

  @Option(
      names = "--dropout",
      paramLabel = "RATIO",
      defaultValue = "0",
      description =
          "Dropout ratio a multi-layer-extend checkpoint was trained with; it scales"
              + " activations at inference and is not stored in the checkpoint (default: ${DEFAULT-VALUE}).")
  private double dropout;

  /**
   * Checks that {@code --net} is a book network or a readable file, that {@code --weights} is
   * readable and goes with a book network, and that {@code --arch} and {@code --dropout} are valid
   * and go with a checkpoint.
   */
  @Override
  public void validate() throws IOException {
    Require.ratio("--dropout", dropout);
    if (arch != null) {
      NetworkKind.parse(arch);
    }
    if (weights != null) {
      Require.readableFile("--weights", weights);
    }
    if (net == null || BookNetwork.parse(net).isPresent()) {
      if (arch != null || dropout != 0) {
        throw new IllegalArgumentException(
            "--arch and --dropout describe checkpoints, not "
                + (net != null ? net : "the book's networks"));
      }
      return;
    }
    Path file = Path.of(net);
    if (!Files.exists(file)
        && !net.contains(file.getFileSystem().getSeparator())
        && !net.endsWith(".npz")) {
      throw new IllegalArgumentException(
          "unknown network '"
              + net
              + "': expected book-ch3,"
              + " book-ch7, book-ch8 or the path of a checkpoint .npz written by train");
    }
    Require.readableFile("--net", file);
    if (weights != null) {
      throw new IllegalArgumentException(
          "--weights is for book-ch3/7/8; the checkpoint " + file + " holds its own weights");
    }
  }

  /**
   * The network {@code --net} names, or {@code fallback} when it was not given; in evaluation mode.
   */
  public LoadedNetwork load(String fallback) throws IOException {
    String choice = net != null ? net : fallback;
    Optional<BookNetwork> book = BookNetwork.parse(choice);
    if (book.isPresent()) {
      BookNetwork b = book.get();
      return new LoadedNetwork(
          b.load(weights), b.toString(), b.takesImages(), b + " with " + b.weightsSource(weights));
    }
    return CheckpointNetwork.load(Path.of(choice), arch, dropout);
  }
}
