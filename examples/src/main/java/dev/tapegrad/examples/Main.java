package dev.tapegrad.examples;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Locale;

/**
 * Entry point of {@code tapegrad.jar}. For now it runs the book's apple-shopping example (Fig
 * 5-16) on the tape and prints the values and gradients; the chapter commands grow from here.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Tensor apple = Tensor.scalar(100).requiresGrad().named("apple");
    Tensor count = Tensor.scalar(2).requiresGrad().named("count");
    Tensor tax = Tensor.scalar(1.1).requiresGrad().named("tax");
    try (Tape tape = Tape.record()) {
      Tensor price = apple.mul(count).mul(tax);
      tape.backward(price);
      System.out.printf(Locale.ROOT, "price: %s%n", round(price.item()));
      System.out.printf(
          Locale.ROOT,
          "dApple: %s, dCount: %s, dTax: %s%n",
          round(apple.grad().item()),
          round(count.grad().item()),
          round(tax.grad().item()));
      System.out.printf("recorded %d nodes%n", tape.nodes().size());
    }
  }

  private static String round(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
  }
}
