package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernels.Layout;
import dev.tapegrad.autograd.kernels.Reduce;
import java.util.Arrays;

/**
 * Shape ops: reshape (a view on the same data), transpose (axis permutation), broadcastTo and its
 * adjoint sumTo. Each returns its input unchanged, recording nothing, when the shape already fits.
 */
public final class Shaping {
  private Shaping() {}

  public static Tensor reshape(Tensor x, int[] target) {
    int[] from = x.shape();
    int[] to = Shape.resolveReshape(from, target);
    if (Arrays.equals(from, to)) {
      return x;
    }
    return Op.named("reshape")
        .attribute("shape", Shape.format(to))
        .inputs(x)
        .record(x.view(to), gy -> new Tensor[] {gy.reshape(from)});
  }

  public static Tensor transpose(Tensor x, int[] axes) {
    int rank = x.rank();
    int[] perm = axes.length == 0 ? reversed(rank) : checkedPermutation(axes, rank);
    if (isIdentity(perm)) {
      return x;
    }
    int[] inverse = new int[rank];
    for (int i = 0; i < rank; i++) {
      inverse[perm[i]] = i;
    }
    int[] shape = x.shape();
    int[] outShape = new int[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = shape[perm[i]];
    }
    return Op.named("transpose")
        .attribute("axes", Arrays.toString(perm))
        .inputs(x)
        .record(
            Tensor.wrap(Layout.permute(Values.of(x), shape, perm), outShape),
            gy -> new Tensor[] {gy.transpose(inverse)});
  }

  public static Tensor broadcastTo(Tensor x, int[] target) {
    int[] shape = x.shape();
    if (Arrays.equals(shape, target)) {
      return x;
    }
    if (!Shape.broadcastsTo(shape, target)) {
      throw new IllegalArgumentException(
          "broadcastTo: shape "
              + Shape.format(shape)
              + " cannot broadcast to "
              + Shape.format(target));
    }
    int[] to = target.clone();
    return Op.named("broadcastTo")
        .attribute("shape", Shape.format(to))
        .inputs(x)
        .record(
            Tensor.wrap(Layout.broadcastTo(Values.of(x), shape, to), to),
            gy -> new Tensor[] {gy.sumTo(shape)});
  }

  /** Sums over the dimensions that broadcasting {@code target} to this shape would add. */
  public static Tensor sumTo(Tensor x, int[] target) {
    int[] shape = x.shape();
    if (Arrays.equals(shape, target)) {
      return x;
    }
    if (!Shape.broadcastsTo(target, shape)) {
      throw new IllegalArgumentException(
          "sumTo: shape " + Shape.format(shape) + " cannot be summed to " + Shape.format(target));
    }
    int lead = shape.length - target.length;
    boolean[] mask = new boolean[shape.length];
    for (int i = 0; i < shape.length; i++) {
      mask[i] = i < lead || (target[i - lead] == 1 && shape[i] != 1);
    }
    int[] to = target.clone();
    return Op.named("sumTo")
        .attribute("shape", Shape.format(to))
        .inputs(x)
        .record(
            Tensor.wrap(Reduce.sum(Values.of(x), shape, mask), to),
            gy -> new Tensor[] {gy.broadcastTo(shape)});
  }

  private static int[] reversed(int rank) {
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = rank - 1 - i;
    }
    return perm;
  }

  private static int[] checkedPermutation(int[] axes, int rank) {
    if (axes.length != rank) {
      throw new IllegalArgumentException(
          "transpose: axes " + Arrays.toString(axes) + " do not match a tensor of rank " + rank);
    }
    boolean[] seen = new boolean[rank];
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      int a = Shape.axis("transpose", axes[i], rank);
      if (seen[a]) {
        throw new IllegalArgumentException(
            "transpose: axes " + Arrays.toString(axes) + " repeat axis " + axes[i]);
      }
      seen[a] = true;
      perm[i] = a;
    }
    return perm;
  }

  private static boolean isIdentity(int[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return false;
      }
    }
    return true;
  }
}
