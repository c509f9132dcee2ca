package dev.tapegrad.layers.nn;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;

/** The book's ReLU layer: {@code max(x, 0)}, gradient 0 where {@code x <= 0}. */
public final class Relu extends Module {
  public Relu(String name) {
    super(name);
  }

  @Override
  public Tensor forward(Tensor x) {
    return x.relu();
  }
}
