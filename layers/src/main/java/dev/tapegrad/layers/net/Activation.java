package dev.tapegrad.layers.net;

import dev.tapegrad.layers.Module;
import dev.tapegrad.layers.nn.Relu;
import dev.tapegrad.layers.nn.Sigmoid;

/** The hidden-layer activations the book's networks choose between. */
public enum Activation {
  RELU("Relu"),
  SIGMOID("Sigmoid");

  private final String layerName;

  Activation(String layerName) {
    this.layerName = layerName;
  }

  /** The k-th activation layer of a network, named as the book does ({@code Relu1}, ...). */
  public Module layer(int k) {
    return this == RELU ? new Relu(layerName + k) : new Sigmoid(layerName + k);
  }

  /** Parses {@code relu} or {@code sigmoid} (any case). */
  public static Activation parse(String text) {
    for (Activation a : values()) {
      if (a.name().equalsIgnoreCase(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException("activation must be relu or sigmoid, got '" + text + "'");
  }
}
