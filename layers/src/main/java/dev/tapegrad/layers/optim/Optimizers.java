package dev.tapegrad.layers.optim;

import java.util.List;
import java.util.Locale;

/**
 * Creates an optimizer from its name, like the book's {@code Trainer(optimizer='adam',
 * optimizer_param={'lr': ...})}: {@code sgd}, {@code momentum}, {@code nesterov}, {@code adagrad},
 * {@code rmsprop}, {@code adam} (case-insensitive).
 */
public final class Optimizers {
  private static final List<String> NAMES =
      List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");

  private Optimizers() {}

  /** The accepted names, in the book's order. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The named optimizer with all its default hyperparameters.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Optimizer create(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "sgd" -> new Sgd();
      case "momentum" -> new Momentum();
      case "nesterov" -> new Nesterov();
      case "adagrad" -> new AdaGrad();
      case "rmsprop" -> new RmsProp();
      case "adam" -> new Adam();
      default ->
          throw new IllegalArgumentException(
              "unknown optimizer '" + name + "'; expected one of " + NAMES);
    };
  }

  /** The named optimizer with the given learning rate and its other defaults. */
  public static Optimizer create(String name, double learningRate) {
    Optimizer optimizer = create(name);
    optimizer.setLearningRate(learningRate);
    return optimizer;
  }
}
