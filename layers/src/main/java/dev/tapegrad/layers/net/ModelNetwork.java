package dev.tapegrad.layers.net;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;
import java.util.Map;

/**
 * A {@link Network} around a user's own module ({@link Network#of}): the module gives the class
 * scores, the network adds the loss, weight decay and accuracy. Named after the module; its
 * parameters and buffers are the module's, under the module's own names.
 */
final class ModelNetwork extends Network {
  private final Module model;

  ModelNetwork(Module model) {
    super(model.name());
    this.model = addChild(model);
  }

  /** The module's forward pass, inside this network's scope only (which bears its name). */
  @Override
  public Tensor forward(Tensor x) {
    return model.forward(x);
  }

  @Override
  public Map<String, Tensor> parameters() {
    return model.parameters();
  }

  @Override
  public Map<String, Tensor> buffers() {
    return model.buffers();
  }
}
