package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.net.Activation;
import dev.tapegrad.layers.net.DeepConvNet;
import dev.tapegrad.layers.net.MultiLayerNet;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.net.SimpleConvNet;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The book's trained networks run in Java on the embedded test digits and agree with a NumPy
 * implementation of the book's forward pass on the same images (reference predictions and scores
 * computed with python3 + NumPy from the pickles, which ship with the project).
 */
class BookNetworksTest {
  /** NumPy's predictions for the first 40 test digits, and its correct counts. */
  private static final String CH3_FIRST_40 = "3434093262536272666153633980210417951787";

  private static final String CH7_FIRST_40 = "3434093262536272666163633980210417951787";
  private static final String CH8_FIRST_40 = "3436093262536272666153633980210417951787";

  private static Dataset test(boolean images) throws IOException {
    return Mnist.embeddedSample(MnistOptions.defaults().withFlatten(!images)).test();
  }

  @Test
  void chapter3NetworkAgreesWithNumPy() throws IOException {
    MultiLayerNet net =
        new MultiLayerNet(
            784,
            List.of(50, 100),
            10,
            MultiLayerNet.Options.defaults().withActivation(Activation.SIGMOID),
            new Random(0));
    BookWeights.assign(BookWeights.loadShipped(BookWeights.SAMPLE_WEIGHT), net);
    Dataset test = test(false);
    assertArrayEquals(
        new double[] {
          -1.9093422,
          -0.87012315,
          1.82355145,
          8.57352626,
          -4.97176489,
          0.92925286,
          -7.75300268,
          -0.86999555,
          2.63570068,
          1.29041416
        },
        net.predict(test.images().slice(0, 1)).data(),
        5e-8);
    assertPredictions(net, test, 2000, CH3_FIRST_40, 1867); // accuracy 0.9335
  }

  @Test
  void chapter7SimpleConvNetAgreesWithNumPy() throws IOException {
    SimpleConvNet net = new SimpleConvNet(new Random(0));
    BookWeights.assign(BookWeights.loadShipped(BookWeights.SIMPLE_CONVNET), net);
    Dataset test = test(true);
    assertArrayEquals(
        new double[] {
          -5.11014503,
          -10.90164393,
          2.27049005,
          9.16423601,
          -12.2891937,
          -0.27969525,
          -18.70178083,
          -6.72731104,
          1.60532417,
          0.12771087
        },
        net.predict(test.images().slice(0, 1)).data(),
        5e-8);
    assertPredictions(net, test, 2000, CH7_FIRST_40, 1920);
  }

  /** Evaluation mode: both dropouts scale by 0.5, as the book's {@code train_flg=False}. */
  @Test
  void chapter8DeepConvNetAgreesWithNumPy() throws IOException {
    DeepConvNet net = new DeepConvNet(new Random(0));
    BookWeights.assign(BookWeights.loadShipped(BookWeights.DEEP_CONVNET), net);
    net.eval();
    Dataset test = test(true).subset(500);
    assertArrayEquals(
        new double[] {
          -4.45289348,
          -4.02643468,
          -1.63724046,
          3.74458399,
          -6.95946666,
          -3.06048956,
          -5.40451469,
          -2.18954354,
          -3.35674108,
          -4.9489684
        },
        net.predict(test.images().slice(0, 1)).data(),
        5e-8);
    assertPredictions(net, test, 500, CH8_FIRST_40, 483);
  }

  @Test
  void wrongShapesAreRejectedWithoutChangingTheNetwork() throws IOException {
    Map<String, Tensor> book = BookWeights.loadShipped(BookWeights.SAMPLE_WEIGHT);
    MultiLayerNet net = new MultiLayerNet(784, List.of(50, 60), 10, new Random(0));
    double before = net.parameters().get("Affine1.W").data()[0];
    CheckpointFormatException e =
        assertThrows(CheckpointFormatException.class, () -> BookWeights.assign(book, net));
    assertTrue(e.getMessage().contains("W2 has shape (50,100), expected (50,60)"), e.getMessage());
    assertEquals(before, net.parameters().get("Affine1.W").data()[0]);
  }

  private static void assertPredictions(
      Network net, Dataset test, int n, String first40, int correct) {
    net.eval();
    double[] predicted = net.predict(test.images().slice(0, 40)).argmax(1).data();
    StringBuilder digits = new StringBuilder();
    for (double p : predicted) {
      digits.append((int) p);
    }
    assertEquals(first40, digits.toString());
    assertEquals((double) correct / n, net.accuracy(test.images(), test.labels(), 100), 1e-12);
  }
}
