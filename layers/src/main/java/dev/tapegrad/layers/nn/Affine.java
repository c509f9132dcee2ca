package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.AffineMap;
import dev.tapegrad.layers.Module;

/**
 * {@code Y = X·W + b} for a batch (N, features) or one sample (features,). A higher-rank input
 * (N,C,H,W) is flattened to (N, C·H·W) first, as the book's Affine does, and its gradient flows
 * back through the reshape to the original shape. Records one fused {@code affine} node (see {@link
 * AffineMap}), whose expansion is the book's {@code dot → add}.
 */
public final class Affine extends Module {
  private final Tensor weight;
  private final Tensor bias;

  /** Takes ownership of {@code weight} (in, out) and {@code bias} (out,). */
  public Affine(String name, Tensor weight, Tensor bias) {
    super(name);
    if (weight.rank() != 2 || bias.rank() != 1 || bias.dim(0) != weight.dim(1)) {
      throw new IllegalArgumentException(
          name
              + ": weight "
              + Shape.format(weight.shape())
              + " and bias "
              + Shape.format(bias.shape())
              + " do not form an affine layer");
    }
    this.weight = addParameter("W", weight);
    this.bias = addParameter("b", bias);
  }

  public Tensor weight() {
    return weight;
  }

  public Tensor bias() {
    return bias;
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor flat = x.rank() <= 2 ? x : x.reshape(x.dim(0), -1);
    int features = flat.rank() == 0 ? 0 : flat.dim(-1);
    if (features != weight.dim(0)) {
      throw new IllegalArgumentException(
          name()
              + ": input "
              + Shape.format(x.shape())
              + " has "
              + features
              + " features, the weight expects "
              + weight.dim(0));
    }
    return AffineMap.affine(flat, weight, bias);
  }
}
