package dev.tapegrad.examples.inference;

import dev.tapegrad.layers.io.BookWeights;
import dev.tapegrad.layers.net.Activation;
import dev.tapegrad.layers.net.DeepConvNet;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.net.SimpleConvNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The book's three trained networks ({@code --net book-ch3|book-ch7|book-ch8}): the chapter-3
 * inference network with {@code sample_weight.pkl}, the chapter-7 SimpleConvNet with {@code
 * params.pkl} and the chapter-8 DeepConvNet with {@code deep_convnet_params.pkl}. The book's files
 * ship with tapegrad ({@link BookWeights#loadShipped}); another copy can be given as a file.
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

  /**
   * The network with the weights in the book's pickle {@code file}, or with the copy of the book's
   * file that ships with tapegrad when {@code file} is null; in evaluation mode.
   */
  public Network load(Path file) throws IOException {
    Network net = architecture();
    BookWeights.assign(
        file == null ? BookWeights.loadShipped(weightsFile) : BookWeights.load(file), net);
    net.eval();
    return net;
  }

  /** Where {@link #load} takes the weights from, for reports: {@code file}, or the shipped copy. */
  public String weightsSource(Path file) {
    return file == null ? "the book's " + weightsFile + " (shipped)" : file.toString();
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
