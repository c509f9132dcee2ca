/**
 * The book's parameter-update rules (chapter 6.1): SGD, Momentum, Nesterov, AdaGrad, RMSprop and
 * Adam, updating named parameters in place, with state that can be saved and restored.
 */
package dev.tapegrad.layers.optim;
