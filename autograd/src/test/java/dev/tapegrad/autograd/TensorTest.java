package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Factories, shape handling, reductions, indexing, text and the error messages of bad shapes. */
class TensorTest {

  @Test
  void factories() {
    assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(4).data());
    assertArrayEquals(new double[] {1, 0.5, 0}, Tensor.arange(1, -0.5, -0.5).data());
    assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2).data());
    assertArrayEquals(new double[] {7, 7}, Tensor.full(7, 2).data());
    assertEquals(0, Tensor.scalar(5).rank());
    assertEquals(5, Tensor.scalar(5).item());
    assertArrayEquals(new int[] {2, 3}, Tensor.zeros(2, 3).shape());
    assertArrayEquals(Tensor.randn(new Random(3), 5).data(), Tensor.randn(new Random(3), 5).data());
    Tensor u = Tensor.uniform(new Random(1), -2, -1, 100);
    for (double v : u.data()) {
      assertTrue(v >= -2 && v < -1);
    }
  }

  @Test
  void ofCopiesWhileWrapShares() {
    double[] data = {1, 2};
    Tensor copied = Tensor.of(data, 2);
    Tensor wrapped = Tensor.wrap(data, 2);
    data[0] = 9;
    assertEquals(1, copied.get(0));
    assertEquals(9, wrapped.get(0));
  }

  @Test
  void wrongDataLengthIsAnError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3));
    assertEquals("tensor: 5 values do not fill shape (2,3)", e.getMessage());
  }

  @Test
  void reshapeInfersMinusOne() {
    Tensor x = Tensor.arange(12);
    assertArrayEquals(new int[] {3, 4}, x.reshape(3, -1).shape());
    assertArrayEquals(new int[] {2, 2, 3}, x.reshape(2, -1, 3).shape());
    assertArrayEquals(new int[] {12}, x.reshape(3, 4).flatten().shape());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> x.reshape(5, -1));
    assertEquals("reshape: cannot reshape (12,) into (5,-1)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> x.reshape(-1, -1));
  }

  @Test
  void transposePermutesAxes() {
    Tensor x = Tensor.arange(6).reshape(2, 3);
    assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, x.transpose().data());
    Tensor y = Tensor.arange(24).reshape(2, 3, 4).transpose(1, 2, 0);
    assertArrayEquals(new int[] {3, 4, 2}, y.shape());
    assertEquals(13, y.get(0, 1, 1)); // x[1,0,1] = 12 + 1
    assertEquals(23, y.get(2, 3, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).transpose(0, 0));
    assertEquals("transpose: axes [0, 0] repeat axis 0", e.getMessage());
  }

  @Test
  void broadcastingMismatchNamesOpAndShapes() {
    Tensor a = Tensor.zeros(2, 3);
    Tensor b = Tensor.zeros(4);
    assertEquals(
        "mul: shapes (2,3) and (4,) cannot broadcast",
        assertThrows(IllegalArgumentException.class, () -> a.mul(b)).getMessage());
    assertEquals(
        "add: shapes (2,3) and (4,) cannot broadcast",
        assertThrows(IllegalArgumentException.class, () -> a.add(b)).getMessage());
    assertEquals(
        "broadcastTo: shape (2,3) cannot broadcast to (4,3)",
        assertThrows(IllegalArgumentException.class, () -> a.broadcastTo(4, 3)).getMessage());
    assertEquals(
        "sumTo: shape (2,3) cannot be summed to (4,)",
        assertThrows(IllegalArgumentException.class, () -> a.sumTo(4)).getMessage());
  }

  @Test
  void dotShapeMismatchNamesBothShapes() {
    assertEquals(
        "dot: shapes (2,3) and (4,5) are not aligned: 3 != 4",
        assertThrows(
                IllegalArgumentException.class, () -> Tensor.zeros(2, 3).dot(Tensor.zeros(4, 5)))
            .getMessage());
  }

  @Test
  void broadcastingFollowsNumPy() {
    Tensor col = Tensor.of(new double[] {1, 2}, 2, 1);
    Tensor row = Tensor.vector(10, 20, 30);
    Tensor sum = col.add(row);
    assertArrayEquals(new int[] {2, 3}, sum.shape());
    assertArrayEquals(new double[] {11, 21, 31, 12, 22, 32}, sum.data());
    assertArrayEquals(new double[] {2, 4, 6}, row.div(5).data(), 1e-15);
    assertArrayEquals(new double[] {-9, -19, -29}, Tensor.scalar(1).sub(row).data());
  }

  @Test
  void reductionsAlongAxesWithKeepDims() {
    Tensor x = Tensor.arange(6).reshape(2, 3);
    assertEquals(15, x.sum().item());
    assertArrayEquals(new double[] {3, 5, 7}, x.sum(0).data());
    assertArrayEquals(new int[] {2, 1}, x.sum(1, true).shape());
    assertArrayEquals(new double[] {3, 12}, x.sum(-1).data());
    assertArrayEquals(new double[] {1, 4}, x.mean(1).data());
    assertEquals(2.5, x.mean().item());
    assertArrayEquals(new double[] {3, 4, 5}, x.max(0).data());
    assertArrayEquals(new int[] {1, 3}, x.max(0, true).shape());
    assertEquals(5, x.max().item());
    assertArrayEquals(new double[] {2, 2}, x.argmax(1).data());
    assertArrayEquals(
        new double[] {1, 0}, Tensor.of(new double[][] {{1, 3, 3}, {5, 0, 5}}).argmax(1).data());
    assertEquals(
        "sum: axis 2 is out of range for a tensor of rank 2",
        assertThrows(IllegalArgumentException.class, () -> x.sum(2)).getMessage());
  }

  @Test
  void maxAndArgmaxOverAnEmptyAxisAreErrorsNotZero() {
    Tensor empty = Tensor.zeros(3, 0);
    assertEquals(
        "argmax: axis 1 of shape (3,0) is empty",
        assertThrows(IllegalArgumentException.class, () -> empty.argmax(1)).getMessage());
    assertEquals(
        "max: axis -1 of shape (3,0) is empty",
        assertThrows(IllegalArgumentException.class, () -> empty.max(-1)).getMessage());
    assertEquals(
        "max: axis 0 of shape (0,) is empty",
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).max()).getMessage());
    assertArrayEquals(new int[] {0}, empty.argmax(0).shape(), "three empty slices along axis 0");
  }

  @Test
  void selectSliceAndRows() {
    Tensor x = Tensor.arange(6).reshape(3, 2);
    assertArrayEquals(new double[] {1, 2, 5}, x.select(new int[] {1, 0, 1}).data());
    assertArrayEquals(new double[] {2, 3, 4, 5}, x.slice(1, 3).toArray());
    assertArrayEquals(new int[] {2, 2}, x.slice(1, 3).shape());
    assertArrayEquals(new int[] {0, 2}, x.slice(3, 3).shape());
    Tensor sliced = x.slice(0, 1);
    sliced.set(9, 0, 0);
    assertEquals(9, x.get(0, 0), "a slice is a view");
    assertArrayEquals(new double[] {3, 4}, Tensor.arange(5).slice(3, 5).toArray());
    assertThrows(IllegalArgumentException.class, () -> x.slice(2, 4));
    assertArrayEquals(new double[] {4, 5, 9, 1}, x.rows(new int[] {2, 0}).data());
    assertEquals(
        "select: label 2 at row 1 is outside 0..1",
        assertThrows(IndexOutOfBoundsException.class, () -> x.select(new int[] {0, 2, 1}))
            .getMessage());
    Tensor p = x.copy().requiresGrad();
    try (Tape tape = Tape.record()) {
      assertThrows(IllegalStateException.class, () -> p.rows(new int[] {0}));
      assertThrows(IllegalStateException.class, () -> p.slice(0, 1));
    }
  }

  @Test
  void allCloseUsesToleranceAndShape() {
    Tensor a = Tensor.vector(1, 2);
    assertTrue(a.allClose(Tensor.vector(1 + 1e-9, 2)));
    assertFalse(a.allClose(Tensor.vector(1.1, 2)));
    assertTrue(a.allClose(Tensor.vector(1.1, 2), 0.2, 0));
    assertFalse(a.allClose(Tensor.of(new double[] {1, 2}, 1, 2)));
    assertFalse(Tensor.vector(Double.NaN).allClose(Tensor.vector(Double.NaN)));
  }

  @Test
  void toStringLooksLikeNumPy() {
    assertEquals("[[0. 1. 2.]\n [3. 4. 5.]]", Tensor.arange(6).reshape(2, 3).toString());
    assertEquals("[0.31682708 0.69627909]", Tensor.vector(0.316827080093, 0.696279091).toString());
    assertEquals("2.5", Tensor.scalar(2.5).toString());
    assertEquals("[ 1.  -2.5]", Tensor.vector(1, -2.5).toString());
    assertEquals(
        "[0.01821127 0.24519181 0.73659691]",
        Tensor.vector(0.018211273, 0.24519181, 0.73659691).toString());
    assertEquals(
        "[9.99954600e-01 4.53978686e-05 2.06106005e-09]",
        Tensor.vector(9.99954600e-01, 4.53978686e-05, 2.06106005e-09).toString());
    assertEquals("[1.e-05 1.e+00]", Tensor.vector(1e-5, 1).toString());
    assertEquals(
        "[ nan  1.5 -inf]", Tensor.vector(Double.NaN, 1.5, Double.NEGATIVE_INFINITY).toString());
    assertEquals("[0.1    0.0001]", Tensor.vector(0.1, 1e-4).toString());
    assertEquals("220.00000000000003", Tensor.scalar(100).mul(2).mul(1.1).toString());
    assertEquals("1e-07", Tensor.scalar(1e-7).toString());
    String big = Tensor.arange(2000).toString();
    assertEquals("[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]", big);
    assertEquals(
        "[ 0.  1.  2. ... 97. 98. 99.]",
        Tensor.arange(100)
            .mul(Tensor.ones(20, 100))
            .toString()
            .lines()
            .findFirst()
            .orElseThrow()
            .substring(1));
    assertTrue(Tensor.arange(2000).reshape(40, 50).toString().contains("...\n"));
  }
}
