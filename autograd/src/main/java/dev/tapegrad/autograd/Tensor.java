package dev.tapegrad.autograd;

import dev.tapegrad.autograd.ops.Arithmetic;
import dev.tapegrad.autograd.ops.Conv2d;
import dev.tapegrad.autograd.ops.Elementwise;
import dev.tapegrad.autograd.ops.ImageColumns;
import dev.tapegrad.autograd.ops.Indexing;
import dev.tapegrad.autograd.ops.MatMul;
import dev.tapegrad.autograd.ops.Reductions;
import dev.tapegrad.autograd.ops.Shaping;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A float64 n-dimensional array (row-major, contiguous {@code double[]}, immutable shape) that can
 * take part in automatic differentiation.
 *
 * <p>Mark a tensor with {@link #requiresGrad()} to make it a leaf of the graph. Inside an open
 * {@link Tape}, every op below that has such an input records a node; outside one, ops are plain
 * array arithmetic. Elementwise ops follow NumPy broadcasting; a shape mismatch throws an {@link
 * IllegalArgumentException} naming the op and both shapes.
 *
 * <p>The numbers in {@link #data()} may be changed in place (optimizers do), but never while a
 * recorded graph still needs them. {@code reshape}, {@code detach} and {@code slice} give views
 * that share the values.
 */
public final class Tensor {
  private final Storage storage;

  /** Index of this tensor's first value in its storage's array (non-zero only for a slice). */
  private final int offset;

  private final int[] shape;
  private boolean requiresGrad;
  private Tensor grad;
  private Node creator;
  private String name;

  private Tensor(double[] data, int[] shape) {
    this(new Storage(data), 0, shape);
  }

  private Tensor(Storage storage, int offset, int[] shape) {
    this.storage = storage;
    this.offset = offset;
    this.shape = shape;
  }

  /**
   * A read-only view of a tensor's values for kernels that take an offset: row-major, the first
   * value at {@code array[offset]}. See {@link Tensor#readInPlace()}.
   */
  public record InPlace(double[] array, int offset) {}

  // ---------------------------------------------------------------- factories

  /**
   * A tensor over {@code data} itself, in {@code shape}: no copy, so writes on either side show on
   * the other (as PyTorch's {@code from_numpy}). {@link #of(double[], int...)} copies instead.
   */
  public static Tensor wrap(double[] data, int... shape) {
    int[] s = Shape.checked(shape);
    if (Shape.size(s) != data.length) {
      throw new IllegalArgumentException(
          "tensor: " + data.length + " values do not fill shape " + Shape.format(s));
    }
    return new Tensor(data, s);
  }

  /** A tensor holding a copy of {@code data} in {@code shape}. */
  public static Tensor of(double[] data, int... shape) {
    return wrap(data.clone(), shape);
  }

  /** A 1-D tensor of the given values. */
  public static Tensor vector(double... values) {
    return wrap(values.clone(), values.length);
  }

  /** A 2-D tensor from rows of equal length. */
  public static Tensor of(double[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    double[] data = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != cols) {
        throw new IllegalArgumentException(
            "tensor: row " + i + " has " + rows[i].length + " values, row 0 has " + cols);
      }
      System.arraycopy(rows[i], 0, data, i * cols, cols);
    }
    return new Tensor(data, new int[] {rows.length, cols});
  }

  /** A 0-d tensor (shape {@code ()}). */
  public static Tensor scalar(double value) {
    return new Tensor(new double[] {value}, new int[0]);
  }

  public static Tensor zeros(int... shape) {
    int[] s = Shape.checked(shape);
    return new Tensor(new double[Shape.size(s)], s);
  }

  public static Tensor ones(int... shape) {
    return full(1.0, shape);
  }

  public static Tensor full(double value, int... shape) {
    int[] s = Shape.checked(shape);
    double[] data = new double[Shape.size(s)];
    Arrays.fill(data, value);
    return new Tensor(data, s);
  }

  /** {@code 0, 1, ..., n-1} as a 1-D tensor. */
  public static Tensor arange(int n) {
    return arange(0, n, 1);
  }

  /** {@code start, start+step, ...} below {@code stop} (above it for a negative step). */
  public static Tensor arange(double start, double stop, double step) {
    if (step == 0) {
      throw new IllegalArgumentException("arange: step must not be 0");
    }
    int n = (int) Math.max(0, Math.ceil((stop - start) / step));
    double[] data = new double[n];
    for (int i = 0; i < n; i++) {
      data[i] = start + i * step;
    }
    return new Tensor(data, new int[] {n});
  }

  /** The n×n identity matrix. */
  public static Tensor eye(int n) {
    Tensor t = zeros(n, n);
    for (int i = 0; i < n; i++) {
      t.data()[i * n + i] = 1;
    }
    return t;
  }

  /** Standard normal samples from {@code rng} (pass a seeded generator for repeatable runs). */
  public static Tensor randn(RandomGenerator rng, int... shape) {
    Tensor t = zeros(shape);
    double[] data = t.data();
    for (int i = 0; i < data.length; i++) {
      data[i] = rng.nextGaussian();
    }
    return t;
  }

  /** Uniform samples in [0, 1). */
  public static Tensor rand(RandomGenerator rng, int... shape) {
    return uniform(rng, 0, 1, shape);
  }

  /** Uniform samples in [low, high). */
  public static Tensor uniform(RandomGenerator rng, double low, double high, int... shape) {
    Tensor t = zeros(shape);
    double[] data = t.data();
    for (int i = 0; i < data.length; i++) {
      data[i] = low + (high - low) * rng.nextDouble();
    }
    return t;
  }

  // ---------------------------------------------------------------- data and shape

  /**
   * The live backing array, row-major: writing to it changes the tensor and every view sharing its
   * storage. A {@link #slice} that covers only part of its source's array has no array of its own:
   * read it with {@link #toArray()}, or take a {@link #copy()}.
   *
   * @throws IllegalStateException on such a slice, or if the tape that recorded this value was
   *     closed with {@link Tape#recycling()} and took its array back
   */
  public double[] data() {
    double[] array = array();
    if (offset != 0 || array.length != size()) {
      throw new IllegalStateException(
          "data: this "
              + Shape.format(shape)
              + " tensor is a slice of a larger array; read it with toArray(), or take copy() for"
              + " an array of its own");
    }
    return array;
  }

  /** A new array holding this tensor's values, row-major. */
  public double[] toArray() {
    return Arrays.copyOfRange(array(), offset, offset + size());
  }

  /**
   * This tensor's values where they are, for kernels that take an offset and only read (a slice's
   * rows are read in its source's array). Never write through it.
   *
   * @throws IllegalStateException as {@link #data()} does for a released value
   */
  public InPlace readInPlace() {
    return new InPlace(array(), offset);
  }

  /** The storage's array, after checking that it was not released. */
  private double[] array() {
    if (storage.isReleased()) {
      throw new IllegalStateException(
          (creator == null ? "tensor " : creator.op() + " output ")
              + Shape.format(shape)
              + ": its values were recycled when the tape that recorded it was closed with"
              + " recycling(); call tape.keep(t) before the tape closes, or keep a copy() made"
              + " inside the tape");
    }
    return storage.array();
  }

  Storage storage() {
    return storage;
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  /** Length of dimension {@code axis} (negative counts from the end). */
  public int dim(int axis) {
    return shape[Shape.axis("dim", axis, shape.length)];
  }

  public int size() {
    return Shape.size(shape);
  }

  /** The single value of a one-element tensor. */
  public double item() {
    if (size() != 1) {
      throw new IllegalStateException(
          "item: tensor of shape " + Shape.format(shape) + " has " + size() + " values");
    }
    return array()[offset];
  }

  /** The value at a full index. */
  public double get(int... index) {
    return array()[offset + flatIndex("get", index)];
  }

  /** Sets the value at a full index (not recorded). */
  public void set(double value, int... index) {
    array()[offset + flatIndex("set", index)] = value;
  }

  private int flatIndex(String op, int[] index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          op + ": index of length " + index.length + " for shape " + Shape.format(shape));
    }
    int off = 0;
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException(
            op + ": index " + Arrays.toString(index) + " out of bounds for " + Shape.format(shape));
      }
      off = off * shape[i] + index[i];
    }
    return off;
  }

  /** Whether every value is finite (no NaN, no infinity). */
  public boolean isFinite() {
    double[] array = array();
    for (int i = offset; i < offset + size(); i++) {
      if (!Double.isFinite(array[i])) {
        return false;
      }
    }
    return true;
  }

  /** A copy with its own data, detached from any graph. */
  public Tensor copy() {
    return new Tensor(toArray(), shape.clone());
  }

  /** The same data outside any graph: it requires no gradient and has no creator. */
  public Tensor detach() {
    array();
    return new Tensor(storage, offset, shape);
  }

  /**
   * The same data in {@code newShape} (same number of values), not recorded: for ops that build
   * views, such as {@code reshape}. The view shares this tensor's storage, so it is freed (and
   * kept) together with it.
   */
  public Tensor view(int... newShape) {
    int[] s = Shape.checked(newShape);
    if (Shape.size(s) != size()) {
      throw new IllegalArgumentException(
          "view: " + size() + " values do not fill shape " + Shape.format(s));
    }
    array();
    return new Tensor(storage, offset, s);
  }

  // ---------------------------------------------------------------- autograd state

  /** Makes this tensor a leaf that requires a gradient; returns it. */
  public Tensor requiresGrad() {
    return requiresGrad(true);
  }

  public Tensor requiresGrad(boolean value) {
    if (creator != null && !value) {
      throw new IllegalStateException(
          "requiresGrad: a recorded result cannot stop requiring it; use detach()");
    }
    this.requiresGrad = value;
    return this;
  }

  /**
   * Whether a tape follows this tensor: a leaf marked with {@link #requiresGrad()}, or a value a
   * recorded op made from one (PyTorch's {@code requires_grad}).
   */
  public boolean needsGrad() {
    return requiresGrad;
  }

  /** The accumulated gradient of this leaf, or {@code null} before any backward pass. */
  public Tensor grad() {
    return grad;
  }

  /** Clears the accumulated gradient. */
  public void zeroGrad() {
    grad = null;
  }

  void accumulateGrad(Tensor g) {
    grad = grad == null ? g : grad.add(g);
  }

  /** The node that produced this tensor on a tape, or {@code null} for a leaf or constant. */
  public Node creator() {
    return creator;
  }

  void setCreator(Node node) {
    this.creator = node;
    this.requiresGrad = true;
  }

  /** A display name for diagrams and reports (e.g. {@code apple}, {@code Affine1.W}). */
  public String name() {
    return name;
  }

  /** Sets the display name; returns this tensor. */
  public Tensor named(String value) {
    this.name = value;
    return this;
  }

  // ---------------------------------------------------------------- elementwise ops

  public Tensor add(Tensor other) {
    return Arithmetic.add(this, other);
  }

  public Tensor add(double c) {
    return Arithmetic.add(this, scalar(c));
  }

  public Tensor sub(Tensor other) {
    return Arithmetic.sub(this, other);
  }

  public Tensor sub(double c) {
    return Arithmetic.sub(this, scalar(c));
  }

  public Tensor mul(Tensor other) {
    return Arithmetic.mul(this, other);
  }

  public Tensor mul(double c) {
    return Arithmetic.mul(this, scalar(c));
  }

  public Tensor div(Tensor other) {
    return Arithmetic.div(this, other);
  }

  public Tensor div(double c) {
    return Arithmetic.div(this, scalar(c));
  }

  public Tensor neg() {
    return Elementwise.neg(this);
  }

  /** {@code x^p} for a constant exponent. */
  public Tensor pow(double p) {
    return Elementwise.pow(this, p);
  }

  public Tensor exp() {
    return Elementwise.exp(this);
  }

  public Tensor log() {
    return Elementwise.log(this);
  }

  public Tensor sqrt() {
    return Elementwise.sqrt(this);
  }

  /** {@code max(x, 0)}; the gradient is 0 where {@code x <= 0}, as the book's ReLU layer. */
  public Tensor relu() {
    return Elementwise.relu(this);
  }

  // ---------------------------------------------------------------- matrix product

  /**
   * Matrix product as NumPy's {@code dot} for 1-D and 2-D operands: (k)·(k,n), (m,k)·(k,n),
   * (m,k)·(k) and (k)·(k).
   */
  public Tensor dot(Tensor other) {
    return MatMul.dot(this, other);
  }

  /**
   * 2-D product {@code op(this) · op(other)}, where {@code op} transposes when its flag is set; the
   * transpose is handed to GEMM as a flag, never materialised.
   */
  public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
    return MatMul.matmul(this, other, transposeThis, transposeOther);
  }

  // ---------------------------------------------------------------- reductions

  /** Sum of all elements, shape {@code ()}. */
  public Tensor sum() {
    return Reductions.sum(this, new int[0], false);
  }

  public Tensor sum(int axis) {
    return Reductions.sum(this, new int[] {axis}, false);
  }

  public Tensor sum(int axis, boolean keepDims) {
    return Reductions.sum(this, new int[] {axis}, keepDims);
  }

  /** Sum over {@code axes} (every axis if empty), keeping them as size 1 when {@code keepDims}. */
  public Tensor sum(int[] axes, boolean keepDims) {
    return Reductions.sum(this, axes, keepDims);
  }

  public Tensor mean() {
    return Reductions.mean(this, new int[0], false);
  }

  public Tensor mean(int axis) {
    return Reductions.mean(this, new int[] {axis}, false);
  }

  public Tensor mean(int axis, boolean keepDims) {
    return Reductions.mean(this, new int[] {axis}, keepDims);
  }

  public Tensor mean(int[] axes, boolean keepDims) {
    return Reductions.mean(this, axes, keepDims);
  }

  /** Maximum over all elements, shape {@code ()}; the gradient goes to the first maximum. */
  public Tensor max() {
    return Reductions.max(reshape(-1), 0, false);
  }

  /** Maximum along {@code axis}; the gradient goes to the first maximum of each slice. */
  public Tensor max(int axis) {
    return Reductions.max(this, axis, false);
  }

  public Tensor max(int axis, boolean keepDims) {
    return Reductions.max(this, axis, keepDims);
  }

  /** Index of the first maximum along {@code axis}, as doubles (not differentiable). */
  public Tensor argmax(int axis) {
    return Reductions.argmax(this, axis);
  }

  // ---------------------------------------------------------------- shape ops

  /** Same data in a new shape; one dimension may be {@code -1}. */
  public Tensor reshape(int... newShape) {
    return Shaping.reshape(this, newShape);
  }

  /** The elements as a 1-D tensor. */
  public Tensor flatten() {
    return reshape(-1);
  }

  /** Permutes axes as NumPy's {@code transpose}; no arguments reverses them. */
  public Tensor transpose(int... axes) {
    return Shaping.transpose(this, axes);
  }

  /** Repeats this tensor along broadcast dimensions to {@code target}. */
  public Tensor broadcastTo(int... target) {
    return Shaping.broadcastTo(this, target);
  }

  /**
   * Sums broadcast dimensions away so the result has {@code target} shape (adjoint of broadcastTo).
   */
  public Tensor sumTo(int... target) {
    return Shaping.sumTo(this, target);
  }

  // ---------------------------------------------------------------- indexing

  /**
   * Picks one entry per row of a 2-D tensor: {@code out[i] = this[i, labels[i]]} (the label entries
   * a cross-entropy needs).
   */
  public Tensor select(int[] labels) {
    return Indexing.select(this, labels);
  }

  /**
   * Entries by flat index ({@code -1} gives 0), shaped {@code shape}; adjoint of {@link
   * #scatterAdd}.
   */
  public Tensor gather(int[] flatIndex, int... shape) {
    return Indexing.gather(this, flatIndex, shape);
  }

  /** Adds each value at its flat index ({@code -1}: dropped) into zeros of {@code shape}. */
  public Tensor scatterAdd(int[] flatIndex, int... shape) {
    return Indexing.scatterAdd(this, flatIndex, shape);
  }

  /**
   * Rows {@code start} (inclusive) to {@code end} (exclusive) along axis 0, as a view, as NumPy's
   * {@code x[start:end]}: no copy is made, and a write on either side ({@link #set}, {@code data()}
   * of the source) shows on the other. Ops read a slice's rows where they are (the fused {@code
   * affine} of an MLP multiplies them in place), so batches of a data set cost nothing to take.
   * Take {@link #copy()} for rows of your own.
   */
  public Tensor slice(int start, int end) {
    if (rank() == 0 || start < 0 || end > shape[0] || start > end) {
      throw new IllegalArgumentException(
          "slice: rows " + start + ".." + end + " out of range for shape " + Shape.format(shape));
    }
    if (requiresGrad && Tape.isRecording()) {
      throw new IllegalStateException(
          "slice: picking rows is not differentiable; call it on detach() or outside the tape");
    }
    int[] rows = shape.clone();
    rows[0] = end - start;
    int rowSize = shape[0] == 0 ? 0 : size() / shape[0];
    array();
    return new Tensor(storage, offset + start * rowSize, rows);
  }

  /** The rows at {@code indices} along axis 0, copied (for mini-batches). */
  public Tensor rows(int[] indices) {
    return Indexing.rows(this, indices);
  }

  // ---------------------------------------------------------------- convolution layout

  /** The book's im2col: (N,C,H,W) to (N·OH·OW, C·FH·FW). */
  public Tensor im2col(int filterH, int filterW, int stride, int pad) {
    return ImageColumns.im2col(this, filterH, filterW, stride, pad);
  }

  /**
   * The adjoint of {@link #im2col}: columns back to an image of {@code imageShape}, overlaps added.
   */
  public Tensor col2im(int[] imageShape, int filterH, int filterW, int stride, int pad) {
    return ImageColumns.col2im(this, imageShape, filterH, filterW, stride, pad);
  }

  /**
   * The book's convolution of this (N,C,H,W) input with (FN,C,FH,FW) {@code filters} plus an (FN,)
   * {@code bias}, giving (N,FN,OH,OW): one fused {@code conv2d} node.
   */
  public Tensor conv2d(Tensor filters, Tensor bias, int stride, int pad) {
    return Conv2d.fused(this, filters, bias, stride, pad);
  }

  // ---------------------------------------------------------------- comparison and text

  /** Same shape and every value within {@code atol + rtol·|other|} (NaNs never match). */
  public boolean allClose(Tensor other, double atol, double rtol) {
    if (!Arrays.equals(shape, other.shape)) {
      return false;
    }
    double[] data = toArray();
    double[] others = other.toArray();
    for (int i = 0; i < data.length; i++) {
      if (!(Math.abs(data[i] - others[i]) <= atol + rtol * Math.abs(others[i]))) {
        return false;
      }
    }
    return true;
  }

  /** {@link #allClose(Tensor, double, double)} with NumPy's defaults (atol 1e-8, rtol 1e-5). */
  public boolean allClose(Tensor other) {
    return allClose(other, 1e-8, 1e-5);
  }

  /** NumPy-like text, summarised with {@code ...} when large. */
  @Override
  public String toString() {
    return TensorFormat.format(this);
  }
}
