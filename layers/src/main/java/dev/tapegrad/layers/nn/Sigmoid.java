package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.F;
import dev.tapegrad.layers.Module;

/** The book's Sigmoid layer, as one fused node that expands to Fig 5-19's graph on request. */
public final class Sigmoid extends Module {
  public Sigmoid(String name) {
    super(name);
  }

  @Override
  public Tensor forward(Tensor x) {
    return F.sigmoid(x);
  }
}
