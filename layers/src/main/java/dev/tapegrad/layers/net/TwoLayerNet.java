package dev.tapegrad.layers.net;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.nn.Affine;
import java.util.random.RandomGenerator;

/**
 * The book's two-layer network: {@code Affine1 → Relu1 → Affine2 → SoftmaxWithLoss} (chapter 5), or
 * with {@code Sigmoid1} in place of {@code Relu1} (chapter 4). Weights {@code std·randn} (std 0.01
 * in the book), biases zero; 784-50-10 in the book's experiments.
 */
public final class TwoLayerNet extends Network {
  public TwoLayerNet(
      int inputSize,
      int hiddenSize,
      int outputSize,
      WeightInit weightInit,
      Activation act,
      RandomGenerator rng) {
    super("TwoLayerNet");
    addChild(
        new Affine(
            "Affine1", weightInit.create(rng, inputSize, hiddenSize), Tensor.zeros(hiddenSize)));
    addChild(act.layer(1));
    addChild(
        new Affine(
            "Affine2", weightInit.create(rng, hiddenSize, outputSize), Tensor.zeros(outputSize)));
  }

  /** The chapter-5 network with the book's defaults: ReLU, std 0.01. */
  public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, RandomGenerator rng) {
    this(inputSize, hiddenSize, outputSize, WeightInit.normal(0.01), Activation.RELU, rng);
  }
}
