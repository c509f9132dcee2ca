package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The book's worked numbers (chapters 5 and 7), computed with raw ops on the tape. */
class BookNumbersTest {
  private static final double EXACT = 1e-12;

  @Test
  void appleShoppingFigure5_16() {
    Tensor apple = Tensor.scalar(100).requiresGrad();
    Tensor count = Tensor.scalar(2).requiresGrad();
    Tensor tax = Tensor.scalar(1.1).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor total = apple.mul(count);
      Tensor price = total.mul(tax);
      tape.backward(price);
      assertEquals(200, total.item(), EXACT);
      assertEquals(220, price.item(), 1e-12); // 220.00000000000003 in IEEE doubles
      assertEquals(2.2, apple.grad().item(), EXACT);
      assertEquals(110, count.grad().item(), 1e-12);
      assertEquals(200, tax.grad().item(), EXACT);
      assertEquals(1.1, tape.gradOf(total).item(), EXACT);
    }
  }

  @Test
  void appleAndOrangeFigure5_17() {
    Tensor apple = Tensor.scalar(100).requiresGrad();
    Tensor appleCount = Tensor.scalar(2).requiresGrad();
    Tensor orange = Tensor.scalar(150).requiresGrad();
    Tensor orangeCount = Tensor.scalar(3).requiresGrad();
    Tensor tax = Tensor.scalar(1.1).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor apples = apple.mul(appleCount);
      Tensor oranges = orange.mul(orangeCount);
      Tensor subtotal = apples.add(oranges);
      Tensor price = subtotal.mul(tax);
      tape.backward(price);
      assertEquals(650, subtotal.item(), EXACT);
      assertEquals(715, price.item(), 1e-12);
      assertEquals(2.2, apple.grad().item(), EXACT);
      assertEquals(110, appleCount.grad().item(), 1e-12);
      assertEquals(3.3, orange.grad().item(), 1e-12);
      assertEquals(165, orangeCount.grad().item(), EXACT);
      assertEquals(650, tax.grad().item(), EXACT);
      assertEquals(1.1, tape.gradOf(apples).item(), EXACT);
      assertEquals(1.1, tape.gradOf(oranges).item(), EXACT);
    }
  }

  @Test
  void addNodePassesUpstreamThroughFigure5_11() {
    Tensor x = Tensor.scalar(10).requiresGrad();
    Tensor y = Tensor.scalar(5).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor z = x.add(y);
      assertEquals(15, z.item());
      tape.backward(z, Tensor.scalar(1.3));
    }
    assertEquals(1.3, x.grad().item(), EXACT);
    assertEquals(1.3, y.grad().item(), EXACT);
  }

  @Test
  void mulNodeSwapsInputsFigure5_13() {
    Tensor x = Tensor.scalar(10).requiresGrad();
    Tensor y = Tensor.scalar(5).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor z = x.mul(y);
      assertEquals(50, z.item());
      tape.backward(z, Tensor.scalar(1.3));
    }
    assertEquals(6.5, x.grad().item(), EXACT);
    assertEquals(13, y.grad().item(), EXACT);
  }

  @Test
  void biasGradientIsTheBatchSumSection5_6_2() {
    Tensor xw = Tensor.zeros(2, 3).requiresGrad();
    Tensor bias = Tensor.vector(1, 2, 3).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = xw.add(bias);
      tape.backward(y, Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
    }
    assertArrayEquals(new double[] {5, 7, 9}, bias.grad().data(), EXACT);
    assertArrayEquals(new int[] {3}, bias.grad().shape());
  }

  @Test
  void im2colShapesSection7_4() {
    Random rng = new Random(7);
    assertArrayEquals(new int[] {9, 75}, Tensor.rand(rng, 1, 3, 7, 7).im2col(5, 5, 1, 0).shape());
    assertArrayEquals(new int[] {90, 75}, Tensor.rand(rng, 10, 3, 7, 7).im2col(5, 5, 1, 0).shape());
  }

  /** Fig 7-3/7-4 as a convolution built from im2col and dot; Fig 7-5 adds bias 3. */
  @Test
  void convolutionFigure7_4() {
    Tensor image =
        Tensor.of(new double[] {1, 2, 3, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1}, 1, 1, 4, 4);
    Tensor filter = Tensor.of(new double[] {2, 0, 1, 0, 1, 2, 1, 0, 2}, 1, 9);
    Tensor out = image.im2col(3, 3, 1, 0).matmul(filter, false, true).reshape(2, 2);
    assertArrayEquals(new double[] {15, 16, 6, 15}, out.data(), EXACT);
    assertArrayEquals(new double[] {18, 19, 9, 18}, out.add(3).data(), EXACT);
    Tensor padded = image.im2col(3, 3, 1, 1).matmul(filter, false, true).reshape(4, 4);
    assertArrayEquals(
        new double[] {7, 12, 10, 2, 4, 15, 16, 10, 10, 6, 15, 6, 8, 10, 4, 3},
        padded.data(),
        EXACT);
  }

  /** Fig 7-14 as max pooling built from im2col and max over each window. */
  @Test
  void maxPoolingFigure7_14() {
    Tensor image =
        Tensor.of(new double[] {1, 2, 1, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 4, 0, 1}, 1, 1, 4, 4)
            .requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor pooled = image.im2col(2, 2, 2, 0).max(1).reshape(2, 2);
      assertArrayEquals(new double[] {2, 3, 4, 2}, pooled.data(), EXACT);
      tape.backward(pooled, Tensor.of(new double[] {10, 20, 30, 40}, 2, 2));
    }
    // Each window's gradient lands on its (first) maximum only.
    assertArrayEquals(
        new double[] {0, 10, 0, 0, 0, 0, 0, 20, 0, 0, 0, 40, 0, 30, 0, 0},
        image.grad().data(),
        EXACT);
  }
}
