package dev.tapegrad.layers.init;

import dev.tapegrad.autograd.Shape;

/**
 * The number of inputs that feed one output unit of a weight (the book's {@code n}, "nodes in the
 * previous layer"), which Xavier and He initialization scale by.
 */
public final class FanIn {
  private FanIn() {}

  /**
   * The fan-in of a weight shape: the rows {@code in} of an Affine weight {@code (in, out)}, or
   * {@code C * FH * FW} of a convolution filter bank {@code (FN, C, FH, FW)}.
   *
   * @throws IllegalArgumentException for any other rank or a zero dimension
   */
  public static int of(int... shape) {
    int fanIn =
        switch (shape.length) {
          case 2 -> shape[0];
          case 4 -> Math.multiplyExact(Math.multiplyExact(shape[1], shape[2]), shape[3]);
          default ->
              throw new IllegalArgumentException(
                  "fan-in: weight shape "
                      + Shape.format(shape)
                      + " is neither an Affine weight (in, out) nor a convolution filter (FN, C, FH, FW)");
        };
    if (fanIn <= 0) {
      throw new IllegalArgumentException(
          "fan-in: weight shape " + Shape.format(shape) + " has no inputs");
    }
    return fanIn;
  }
}
