/**
 * Initial parameter values (chapter 6.2): normal weights with a fixed std, Xavier or He scaling by
 * fan-in, zero biases, all drawn from a seedable generator.
 */
package dev.tapegrad.layers.init;
