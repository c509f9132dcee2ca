package dev.tapegrad.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.Sigmoid;
import org.junit.jupiter.api.Test;

/** The book's worked numbers from chapters 3, 4 and 5, computed with the layers. */
class BookLayerNumbersTest {

  @Test
  void sigmoidValuesSection3_2() {
    assertArrayEquals(
        new double[] {0.26894142, 0.73105858, 0.88079708},
        F.sigmoid(Tensor.vector(-1, 1, 2)).data(),
        5e-9);
  }

  /** Fig 3-15: the 2-3-2-2 network with sigmoid hidden layers and identity output. */
  @Test
  void threeLayerDemoNetworkSection3_3() {
    Sequential net =
        new Sequential(
            "Demo",
            new Affine(
                "Affine1",
                Tensor.of(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}),
                Tensor.vector(0.1, 0.2, 0.3)),
            new Sigmoid("Sigmoid1"),
            new Affine(
                "Affine2",
                Tensor.of(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}),
                Tensor.vector(0.1, 0.2)),
            new Sigmoid("Sigmoid2"),
            new Affine(
                "Affine3",
                Tensor.of(new double[][] {{0.1, 0.3}, {0.2, 0.4}}),
                Tensor.vector(0.1, 0.2)));
    Tensor y = net.apply(Tensor.vector(1.0, 0.5));
    assertArrayEquals(new double[] {0.31682708, 0.69627909}, y.data(), 5e-9);
  }

  @Test
  void softmaxSection3_3() {
    assertArrayEquals(
        new double[] {0.01821127, 0.24519181, 0.73659691},
        F.softmax(Tensor.vector(0.3, 2.9, 4.0)).data(),
        5e-9);
    Tensor big = F.softmax(Tensor.vector(1010, 1000, 990));
    assertArrayEquals(
        new double[] {9.99954600e-01, 4.53978686e-05, 2.06106005e-09}, big.data(), 1e-9);
    assertEquals(4.53978686e-05, big.data()[1], 5e-14);
  }

  @Test
  void lossFunctionsSection4_3() {
    Tensor t = Tensor.vector(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    Tensor y1 = Tensor.vector(0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0);
    Tensor y2 = Tensor.vector(0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0);
    assertEquals(0.097500000000000031, F.sumSquares(y1, t).item(), 1e-15);
    assertEquals(0.59750000000000003, F.sumSquares(y2, t).item(), 1e-15);
    assertEquals(0.51082545709933802, F.crossEntropy(y1, t).item(), 1e-15);
    assertEquals(2.3025840929945458, F.crossEntropy(y2, t).item(), 1e-15);
    assertEquals(0.51082545709933802, F.crossEntropy(y1, new int[] {2}).item(), 1e-15);
  }

  /** Chapter 4's simpleNet: a 2×3 weight, input [0.6, 0.9], label 2. */
  @Test
  void simpleNetLossAndGradientSection4_3() {
    Tensor w =
        Tensor.of(
                new double[][] {
                  {0.47355232, 0.9977393, 0.84668094}, {0.85557411, 0.03563661, 0.69422093}
                })
            .requiresGrad();
    Tensor x = Tensor.vector(0.6, 0.9);
    try (Tape tape = Tape.record()) {
      Tensor p = x.dot(w);
      assertArrayEquals(new double[] {1.05414809, 0.63071653, 1.1328074}, p.data(), 5e-9);
      Tensor loss = F.softmaxWithLoss(p, new int[] {2});
      // The book printed W to 8 digits; with these digits NumPy gives 0.9280682857864075.
      assertEquals(0.9280682857864075, loss.item(), 1e-15);
      assertEquals(0.92806853663411326, loss.item(), 1e-6);
      tape.backward(loss);
    }
    // The book's dW is (y − t)·x; ours is the exact derivative with the 1e-7 inside the log,
    // smaller by the factor y_t/(y_t + 1e-7) ≈ 1 − 2.6e-7 here, which moves the seventh digit.
    double[] book = {0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514};
    for (int i = 0; i < book.length; i++) {
      assertEquals(book[i], w.grad().data()[i], 4e-7 * Math.abs(book[i]), "dW element " + i);
    }
  }

  /** Section 5.6.3: y = (0.3, 0.2, 0.5), t = (0, 1, 0) sends (0.3, −0.8, 0.5) back. */
  @Test
  void softmaxWithLossBackwardSection5_6_3() {
    assertArrayEquals(new double[] {0.3, -0.8, 0.5}, backwardFor(0.3, 0.2, 0.5), 1e-6);
    assertArrayEquals(new double[] {0.01, -0.01, 0}, backwardFor(0.01, 0.99, 0), 1e-6);
  }

  /** Scores whose softmax is {@code y}, label 1; returns the gradient on the scores. */
  private static double[] backwardFor(double... y) {
    Tensor scores = Tensor.vector(y).log().requiresGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(F.softmaxWithLoss(scores, new int[] {1}));
    }
    return scores.grad().data();
  }
}
