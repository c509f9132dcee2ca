package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Workspace;

/**
 * Picking entries: {@code select} takes one entry per row (its adjoint {@code scatter} puts them
 * back), {@code gather} takes entries by flat index (its adjoint {@code scatterAdd} adds them
 * back), while {@code rows} copies rows out for mini-batches and is not differentiable (nor is
 * {@link Tensor#slice}, which reads a range of rows in place).
 */
public final class Indexing {
  private Indexing() {}

  /** {@code out[i] = x[i, labels[i]]} for a 2-D {@code x}. */
  public static Tensor select(Tensor x, int[] labels) {
    if (x.rank() != 2 || labels.length != x.dim(0)) {
      throw new IllegalArgumentException(
          "select: needs a 2-D input and one label per row, got shape "
              + Shape.format(x.shape())
              + " and "
              + labels.length
              + " labels");
    }
    int k = x.dim(1);
    int[] picks = checkedLabels("select", labels, k);
    double[] in = Values.of(x);
    double[] out = new double[picks.length];
    for (int i = 0; i < picks.length; i++) {
      out[i] = in[i * k + picks[i]];
    }
    return Op.named("select")
        .inputs(x)
        .record(Tensor.wrap(out, picks.length), gy -> new Tensor[] {scatter(gy, picks, k)});
  }

  /**
   * Adjoint of {@link #select}: an (N,k) tensor of zeros with {@code g[i]} at {@code [i,
   * labels[i]]}.
   */
  public static Tensor scatter(Tensor g, int[] labels, int k) {
    if (g.rank() != 1 || labels.length != g.dim(0)) {
      throw new IllegalArgumentException(
          "scatter: needs a 1-D input and one label per entry, got shape "
              + Shape.format(g.shape())
              + " and "
              + labels.length
              + " labels");
    }
    int[] picks = checkedLabels("scatter", labels, k);
    double[] in = Values.of(g);
    double[] out = new double[picks.length * k];
    for (int i = 0; i < picks.length; i++) {
      out[i * k + picks[i]] = in[i];
    }
    return Op.named("scatter")
        .inputs(g)
        .record(Tensor.wrap(out, picks.length, k), gy -> new Tensor[] {gy.select(picks)});
  }

  /**
   * {@code out[i] = x.flat[index[i]]} (0 where {@code index[i]} is {@code -1}), shaped {@code
   * shape}. Its adjoint is {@link #scatterAdd}.
   */
  public static Tensor gather(Tensor x, int[] index, int[] shape) {
    int[] at = checkedIndex("gather", index, x.size(), Shape.size(shape));
    double[] in = Values.of(x);
    double[] out = Workspace.take(at.length);
    for (int i = 0; i < at.length; i++) {
      out[i] = at[i] < 0 ? 0 : in[at[i]];
    }
    int[] xShape = x.shape();
    return Op.named("gather")
        .inputs(x)
        .record(Tensor.wrap(out, shape.clone()), gy -> new Tensor[] {scatterAdd(gy, at, xShape)});
  }

  /**
   * A tensor of {@code shape} with {@code g.flat[i]} added at flat position {@code index[i]}
   * (skipped where {@code index[i]} is {@code -1}); how max pooling routes its gradient.
   */
  public static Tensor scatterAdd(Tensor g, int[] index, int[] shape) {
    int[] at = checkedIndex("scatterAdd", index, Shape.size(shape), g.size());
    double[] in = Values.of(g);
    double[] out = Workspace.zeros(Shape.size(shape));
    for (int i = 0; i < at.length; i++) {
      if (at[i] >= 0) {
        out[at[i]] += in[i];
      }
    }
    int[] gShape = g.shape();
    return Op.named("scatterAdd")
        .inputs(g)
        .record(Tensor.wrap(out, shape.clone()), gy -> new Tensor[] {gather(gy, at, gShape)});
  }

  /** The rows at {@code indices} along axis 0, copied. */
  public static Tensor rows(Tensor x, int[] indices) {
    if (x.rank() == 0) {
      throw new IllegalArgumentException("rows: a 0-d tensor has no rows");
    }
    requireNotRecorded("rows", x);
    int[] shape = x.shape();
    int n = shape[0];
    int rowSize = n == 0 ? 0 : x.size() / n;
    double[] in = Values.of(x);
    double[] out = new double[indices.length * rowSize];
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= n) {
        throw new IndexOutOfBoundsException(
            "rows: index " + indices[i] + " out of range for " + n + " rows");
      }
      System.arraycopy(in, indices[i] * rowSize, out, i * rowSize, rowSize);
    }
    shape[0] = indices.length;
    return Tensor.wrap(out, shape);
  }

  private static void requireNotRecorded(String op, Tensor x) {
    if (x.needsGrad() && Tape.isRecording()) {
      throw new IllegalStateException(
          op + ": picking rows is not differentiable; call it on detach() or outside the tape");
    }
  }

  private static int[] checkedIndex(String op, int[] index, int size, int count) {
    if (index.length != count) {
      throw new IllegalArgumentException(
          op + ": " + index.length + " indices for " + count + " values");
    }
    for (int i = 0; i < index.length; i++) {
      if (index[i] < -1 || index[i] >= size) {
        throw new IndexOutOfBoundsException(
            op + ": index " + index[i] + " at " + i + " is outside -1.." + (size - 1));
      }
    }
    return index.clone();
  }

  private static int[] checkedLabels(String op, int[] labels, int k) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IndexOutOfBoundsException(
            op + ": label " + labels[i] + " at row " + i + " is outside 0.." + (k - 1));
      }
    }
    return labels.clone();
  }
}
