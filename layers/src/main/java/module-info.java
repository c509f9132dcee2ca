/**
 * The book on the engine: modules and the book's layers, networks, optimizers, initializers, the
 * training loop, MNIST/IDX data, {@code .npz} checkpoints and the book's pickled weights. Every
 * package is API.
 */
module dev.tapegrad.layers {
  requires transitive dev.tapegrad.autograd;
  requires pickle;

  exports dev.tapegrad.layers;
  exports dev.tapegrad.layers.data;
  exports dev.tapegrad.layers.init;
  exports dev.tapegrad.layers.io;
  exports dev.tapegrad.layers.net;
  exports dev.tapegrad.layers.nn;
  exports dev.tapegrad.layers.optim;
  exports dev.tapegrad.layers.train;
}
