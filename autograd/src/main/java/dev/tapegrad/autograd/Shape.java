package dev.tapegrad.autograd;

import java.util.Arrays;

/**
 * Helpers for tensor shapes: element counts, row-major strides, NumPy broadcasting, axis
 * normalisation and the {@code (2,3)} notation used in every error message.
 *
 * <p>A shape is a plain {@code int[]}; {@code []} is the shape of a 0-d scalar.
 */
public final class Shape {
  private Shape() {}

  /** Number of elements of a tensor of this shape (1 for a scalar). */
  public static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "shape " + format(shape) + " has more than 2^31-1 elements");
    }
    return (int) n;
  }

  /** The product of the dims before {@code axis}: how many runs along that axis there are. */
  public static int sizeBefore(int[] shape, int axis) {
    return size(Arrays.copyOfRange(shape, 0, axis));
  }

  /** The product of the dims after {@code axis}: the stride of one step along it. */
  public static int sizeAfter(int[] shape, int axis) {
    return size(Arrays.copyOfRange(shape, axis + 1, shape.length));
  }

  /** Row-major strides, in elements. */
  public static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= shape[i];
    }
    return strides;
  }

  /** NumPy-style text of a shape: {@code (2,3)}, {@code (4,)} or {@code ()}. */
  public static String format(int[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(shape[i]);
    }
    return sb.append(')').toString();
  }

  /**
   * The broadcast shape of two shapes under NumPy rules, or an {@link IllegalArgumentException}
   * naming {@code op} and both shapes.
   */
  public static int[] broadcast(String op, int[] a, int[] b) {
    if (Arrays.equals(a, b)) {
      return a;
    }
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            op + ": shapes " + format(a) + " and " + format(b) + " cannot broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * Strides for reading a tensor of shape {@code shape} as if it had the (broadcast) shape {@code
   * target}: stride 0 along broadcast dimensions.
   */
  public static int[] broadcastStrides(int[] shape, int[] target) {
    int[] own = strides(shape);
    int[] out = new int[target.length];
    int offset = target.length - shape.length;
    for (int i = offset; i < target.length; i++) {
      out[i] = shape[i - offset] == 1 ? 0 : own[i - offset];
    }
    return out;
  }

  /**
   * Whether {@code shape}, leading 1s aside, equals the last dimensions of {@code target}, so that
   * broadcasting it to {@code target} repeats one contiguous block (a bias row down a batch).
   */
  public static boolean isTrailingBlock(int[] shape, int[] target) {
    int first = 0;
    while (first < shape.length && shape[first] == 1) {
      first++;
    }
    int offset = target.length - shape.length;
    if (offset < 0 && first < -offset) {
      return false;
    }
    for (int i = first; i < shape.length; i++) {
      if (shape[i] != target[i + offset]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code shape} broadcasts to {@code target} (one-way NumPy rule). */
  public static boolean broadcastsTo(int[] shape, int[] target) {
    if (shape.length > target.length) {
      return false;
    }
    int offset = target.length - shape.length;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] != 1 && shape[i] != target[i + offset]) {
        return false;
      }
    }
    return true;
  }

  /** Turns a possibly negative axis into {@code 0..rank-1}, or throws naming the op. */
  public static int axis(String op, int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
    }
    return a;
  }

  /**
   * Normalises an axis list to a sorted mask of length {@code rank}; an empty list means every
   * axis. Duplicates are an error.
   */
  public static boolean[] axesMask(String op, int[] axes, int rank) {
    boolean[] mask = new boolean[rank];
    if (axes.length == 0) {
      Arrays.fill(mask, true);
      return mask;
    }
    for (int axis : axes) {
      int a = axis(op, axis, rank);
      if (mask[a]) {
        throw new IllegalArgumentException(op + ": axis " + axis + " is repeated");
      }
      mask[a] = true;
    }
    return mask;
  }

  /** The shape after reducing the masked axes, keeping them as size 1 when {@code keepDims}. */
  public static int[] reduced(int[] shape, boolean[] mask, boolean keepDims) {
    int kept = 0;
    for (boolean m : mask) {
      if (!m) {
        kept++;
      }
    }
    int[] out = new int[keepDims ? shape.length : kept];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (keepDims) {
        out[i] = mask[i] ? 1 : shape[i];
      } else if (!mask[i]) {
        out[j++] = shape[i];
      }
    }
    return out;
  }

  /**
   * Resolves a reshape target for a tensor with {@code size} elements; at most one {@code -1} is
   * inferred. Throws naming both shapes when the sizes differ.
   */
  public static int[] resolveReshape(int[] from, int[] to) {
    int size = size(from);
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < to.length; i++) {
      if (to[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              "reshape: only one dimension can be -1, got " + format(to));
        }
        unknown = i;
      } else if (to[i] < 0) {
        throw new IllegalArgumentException("reshape: negative dimension in " + format(to));
      } else {
        known *= to[i];
      }
    }
    int[] out = to.clone();
    if (unknown >= 0) {
      if (known == 0 || size % known != 0) {
        throw new IllegalArgumentException(
            "reshape: cannot reshape " + format(from) + " into " + format(to));
      }
      out[unknown] = (int) (size / known);
    } else if (known != size) {
      throw new IllegalArgumentException(
          "reshape: cannot reshape " + format(from) + " into " + format(to));
    }
    return out;
  }

  /** Checks that every dimension is non-negative. */
  static int[] checked(int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + format(shape));
      }
    }
    return shape.clone();
  }
}
