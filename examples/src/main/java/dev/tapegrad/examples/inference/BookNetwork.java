package dev.tapegrad.examples.inference;

import dev.tapegrad.examples.cli.DataDirectory;
import dev.tapegrad.layers.io.BookWeights;
import dev.tapegrad.layers.net.Activation;
import dev.tapegrad.layers.net.DeepConvNet;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.net.SimpleConvNet;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The book's three trained networks ({@code --net book-ch3|book-ch7|book-ch8}): the chapter-3
 * inference network with {@code sample_weight.pkl}, the chapter-7 SimpleConvNet with {@code
 * params.pkl} and the chapter-8 DeepConvNet with {@code deep_convnet_params.pkl}.
 */
public enum BookNetwork {
  CH3("book-ch3", BookWeights.SAMPLE_WEIGHT, false),
  CH7("book-ch7", BookWeights.SIMPLE_CONVNET, true),
  CH8("book-ch8", BookWeights.DEEP_CONVNET, true);

  private final String label;
  private final String weightsFile;
  private final boolean images;

  BookNetwork(String label, String weightsFile, boolean images) {
    this.label = label;
    this.weightsFile = weightsFile;
    this.images = images;
  }

  /** The {@code --net} value naming this network, if {@code text} is one. */
  public static Optional<BookNetwork> parse(String text) {
    for (BookNetwork b : values()) {
      if (b.label.equals(text)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** Whether the network takes (N,1,28,28) images rather than flat (N,784) vectors. */
  public boolean takesImages() {
    return images;
  }

  /** The name of the book's pickle, e.g. {@code params.pkl}. */
  public String weightsFile() {
    return weightsFile;
  }

  /** The book's pickle in the shared {@code book-weights} folder, if it is there. */
  public Optional<Path> defaultWeights() {
    return DataDirectory.bookWeights()
        .map(d -> d.resolve(weightsFile))
        .filter(Files::isRegularFile);
  }

  /**
   * {@code given} if it is not null, else {@link #defaultWeights()}.
   *
   * @throws FileNotFoundException naming the file and how to provide it, when there is none
   */
  public Path weights(Path given) throws FileNotFoundException {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new FileNotFoundException(label + ": no weights file " + given);
      }
      return given;
    }
    return defaultWeights()
        .orElseThrow(
            () ->
                new FileNotFoundException(
                    label
                        + " needs the book's "
                        + weightsFile
                        + ", which is not in a shared/data/book-weights"
                        + " folder; give its path with --weights FILE (or set TAPEGRAD_DATA to the data directory)"));
  }

  /** The network with the weights in the book's pickle {@code file}, in evaluation mode. */
  public Network load(Path file) throws IOException {
    Network net = architecture();
    BookWeights.assign(BookWeights.load(file), net);
    net.eval();
    return net;
  }

  /** The layers, with placeholder weights: 784-50-100-10 sigmoid, SimpleConvNet or DeepConvNet. */
  private Network architecture() {
    Random unused = new Random(0);
    return switch (this) {
      case CH3 ->
          new MultiLayerNet(
              784,
              List.of(50, 100),
              10,
              MultiLayerNet.Options.defaults().withActivation(Activation.SIGMOID),
              unused);
      case CH7 -> new SimpleConvNet(unused);
      case CH8 -> new DeepConvNet(unused);
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
