package com.example.digits;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.F;
import dev.tapegrad.layers.Module;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.nn.Affine;
import java.util.Random;

/**
 * A model tapegrad does not ship: 784 → 64 → 64 → 10 with a residual connection around the second
 * layer and the Swish activation, written as a plain module.
 */
public final class ResidualMlp extends Module {
  private final Affine input;
  private final Affine inner;
  private final Affine output;

  /** Weights drawn from {@code rng} with He's scale, biases zero. */
  public ResidualMlp(Random rng) {
    WeightInit he = WeightInit.he();
    input = addChild(new Affine("Input", he.create(rng, 784, 64), Tensor.zeros(64)));
    inner = addChild(new Affine("Inner", he.create(rng, 64, 64), Tensor.zeros(64)));
    output = addChild(new Affine("Output", he.create(rng, 64, 10), Tensor.zeros(10)));
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor h = swish(input.apply(x));
    Tensor r = h.add(swish(inner.apply(h)));
    return output.apply(r);
  }

  private static Tensor swish(Tensor x) {
    return x.mul(F.sigmoid(x));
  }
}
