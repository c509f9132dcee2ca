package dev.tapegrad.layers.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.init.WeightInit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Parameter names, shapes and counts as the book lists them, scopes, accuracy and numerical
 * gradients.
 */
class NetworkStructureTest {

  @Test
  void simpleConvNetHasTheBooksParameters() {
    SimpleConvNet net = new SimpleConvNet(new Random(1));
    Map<String, Tensor> p = net.parameters();
    assertEquals(
        List.of("Conv1.W", "Conv1.b", "Affine1.W", "Affine1.b", "Affine2.W", "Affine2.b"),
        List.copyOf(p.keySet()));
    assertArrayEquals(new int[] {30, 1, 5, 5}, p.get("Conv1.W").shape());
    assertArrayEquals(new int[] {4320, 100}, p.get("Affine1.W").shape());
    assertEquals(433_890, net.parameterCount());
    assertTrue(net.summary().contains("Affine1.W  (4320,100)"), net.summary());
  }

  @Test
  void multiLayerNetExtendOrdersLayersAsTheBook() {
    MultiLayerNet net =
        new MultiLayerNet(
            784,
            List.of(100, 100),
            10,
            MultiLayerNet.Options.defaults().withBatchNorm(true).withDropout(0.2),
            new Random(3));
    assertEquals("MultiLayerNetExtend", net.name());
    assertEquals(
        List.of(
            "Affine1",
            "BatchNorm1",
            "Relu1",
            "Dropout1",
            "Affine2",
            "BatchNorm2",
            "Relu2",
            "Dropout2",
            "Affine3"),
        List.copyOf(net.children().keySet()));
    assertEquals(Math.sqrt(2.0 / 784), std(net.parameters().get("Affine1.W").data()), 0.002);
    assertEquals(
        List.of(
            "BatchNorm1.runningMean",
            "BatchNorm1.runningVar",
            "BatchNorm2.runningMean",
            "BatchNorm2.runningVar"),
        List.copyOf(net.buffers().keySet()));
  }

  /** Chapter 3's inference network is a MultiLayerNet with sigmoid hidden layers 50 and 100. */
  @Test
  void chapter3NetworkShapes() {
    MultiLayerNet net =
        new MultiLayerNet(
            784,
            List.of(50, 100),
            10,
            MultiLayerNet.Options.defaults().withActivation(Activation.SIGMOID),
            new Random(4));
    assertEquals(
        List.of("Affine1", "Sigmoid1", "Affine2", "Sigmoid2", "Affine3"),
        List.copyOf(net.children().keySet()));
    assertEquals(784 * 50 + 50 + 50 * 100 + 100 + 100 * 10 + 10, net.parameterCount());
  }

  @Test
  void deepConvNetHasTheBooksParameterCountAndHeScales() {
    DeepConvNet net = new DeepConvNet(new Random(2));
    assertEquals(123_552, net.parameterCount());
    Tensor w6 = net.parameters().get("Conv6.W");
    assertEquals(Math.sqrt(2.0 / 576), std(w6.data()), 0.05 * Math.sqrt(2.0 / 576));
    assertArrayEquals(new int[] {2, 10}, net.predict(Tensor.zeros(2, 1, 28, 28)).shape());
  }

  @Test
  void twoLayerNetUsesStd001AndZeroBiases() {
    TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(3));
    assertEquals(0.01, std(net.parameters().get("Affine1.W").data()), 0.0005);
    assertArrayEquals(new double[50], net.parameters().get("Affine1.b").data());
  }

  @Test
  void aLossTapeReadsAsTheBooksLayers() {
    SimpleConvNet net = new SimpleConvNet(new Random(4));
    // The input requires a gradient here so that the convolution records it as an input too; for
    // plain data (a constant) nothing upstream of the first parameter enters the tape.
    Tensor x = Tensor.rand(new Random(5), 2, 1, 28, 28).requiresGrad();
    try (Tape tape = Tape.record()) {
      net.loss(x, new int[] {1, 2});
      List<String> scopes =
          tape.nodes().stream().map(Node::scope).distinct().collect(Collectors.toList());
      assertEquals(
          List.of(
              "SimpleConvNet/Conv1",
              "SimpleConvNet/Relu1",
              "SimpleConvNet/Pool1",
              "SimpleConvNet/Affine1",
              "SimpleConvNet/Relu2",
              "SimpleConvNet/Affine2",
              "SimpleConvNet/SoftmaxWithLoss"),
          scopes);
      assertEquals(
          List.of("conv2d"),
          tape.nodes().stream()
              .filter(n -> n.scope().endsWith("Conv1"))
              .map(Node::op)
              .collect(Collectors.toList()));
    }
  }

  @Test
  void accuracyCountsEverySampleIncludingTheLastPartialBatch() {
    TwoLayerNet net = new TwoLayerNet(4, 3, 2, new Random(6));
    Tensor x = Tensor.rand(new Random(7), 7, 4);
    double[] predicted = net.predict(x).argmax(1).data();
    int[] labels = new int[7];
    for (int i = 0; i < 7; i++) {
      labels[i] = i < 5 ? (int) predicted[i] : 1 - (int) predicted[i];
    }
    assertEquals(5.0 / 7, net.accuracy(x, labels, 3), 1e-15);
    assertTrue(net.isTraining(), "accuracy restores training mode");
  }

  @Test
  void predictedClassesAreTheArgmaxOfEachRowInAnyBatchSize() {
    TwoLayerNet net = new TwoLayerNet(4, 3, 2, new Random(10));
    Tensor x = Tensor.rand(new Random(11), 7, 4);
    double[] argmax = net.predict(x).argmax(1).data();
    int[] expected = new int[7];
    for (int i = 0; i < 7; i++) {
      expected[i] = (int) argmax[i];
    }
    for (int batch : new int[] {1, 3, 7, 100}) {
      assertArrayEquals(expected, net.predictedClasses(x, batch), "batch " + batch);
    }
    assertTrue(net.isTraining(), "predictedClasses restores training mode");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> net.predictedClasses(x, 0));
    assertEquals("batch size must be at least 1, got 0", e.getMessage());
  }

  @Test
  void weightDecayAddsHalfLambdaTimesSquaredWeights() {
    TwoLayerNet net = new TwoLayerNet(3, 2, 2, new Random(8));
    Tensor x = Tensor.rand(new Random(9), 2, 3);
    int[] labels = {0, 1};
    double plain = net.loss(x, labels).item();
    net.setWeightDecay(0.1);
    double squares = 0;
    for (Map.Entry<String, Tensor> e : net.parameters().entrySet()) {
      if (e.getKey().endsWith(".W")) {
        for (double w : e.getValue().data()) {
          squares += w * w;
        }
      }
    }
    assertEquals(plain + 0.05 * squares, net.loss(x, labels).item(), 1e-15);
  }

  /** The book's chapter-4 way (h = 1e-4) agrees with the tape to about 1e-8. */
  @Test
  void numericalGradientsAgreeWithTheTape() {
    TwoLayerNet net =
        new TwoLayerNet(6, 4, 3, WeightInit.normal(0.5), Activation.SIGMOID, new Random(10));
    Tensor x = Tensor.rand(new Random(11), 3, 6);
    int[] labels = {2, 0, 1};
    Map<String, Tensor> numeric = net.numericalGradients(x, labels, 1e-4);
    Map<String, Tensor> tape = net.gradients(x, labels);
    for (String name : tape.keySet()) {
      assertArrayEquals(tape.get(name).data(), numeric.get(name).data(), 1e-8, name);
    }
  }

  private static double std(double[] v) {
    double mean = 0;
    for (double d : v) {
      mean += d / v.length;
    }
    double var = 0;
    for (double d : v) {
      var += (d - mean) * (d - mean) / v.length;
    }
    return Math.sqrt(var);
  }
}
