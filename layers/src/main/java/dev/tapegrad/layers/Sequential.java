package dev.tapegrad.layers;

import dev.tapegrad.autograd.Tensor;

/** Modules applied one after another, each in its own scope. */
public final class Sequential extends Module {

  public Sequential(String name, Module... layers) {
    super(name);
    for (Module layer : layers) {
      addChild(layer);
    }
  }

  /** Appends a layer; returns this. */
  public Sequential then(Module layer) {
    addChild(layer);
    return this;
  }

  @Override
  public Tensor forward(Tensor x) {
    return applyChildrenInOrder(x);
  }
}
