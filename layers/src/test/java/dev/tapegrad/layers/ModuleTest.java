package dev.tapegrad.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.nn.Dropout;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The module abstraction as a user meets it: a custom layer, nesting, names, modes, summary. */
class ModuleTest {

  /** A user's own layer: x·sigmoid(x). */
  static final class Swish extends Module {
    @Override
    public Tensor forward(Tensor x) {
      return x.mul(F.sigmoid(x));
    }
  }

  @Test
  void aCustomLayerIsASmallClassWithCheckableGradients() {
    GradCheck.assertGradients(x -> new Swish().forward(x), Tensor.randn(new Random(1), 4, 3));
    assertEquals("Swish", new Swish().name());
  }

  @Test
  void nestedModulesNameParametersByPathAndScopeTheirNodes() {
    Random rng = new Random(2);
    Sequential block =
        new Sequential(
            "Block1", new Affine("Affine1", Tensor.randn(rng, 3, 2), Tensor.zeros(2)), new Swish());
    Sequential net = new Sequential("Net", block, new Dropout("Dropout1", 0.5, rng));
    assertEquals(
        List.of("Block1.Affine1.W", "Block1.Affine1.b"), List.copyOf(net.parameters().keySet()));
    assertEquals("Affine1.W", net.parameters().get("Block1.Affine1.W").name());
    assertEquals(8, net.parameterCount());
    net.eval();
    try (Tape tape = Tape.record()) {
      net.apply(Tensor.randn(rng, 5, 3));
      assertEquals(
          List.of("Net/Block1/Affine1", "Net/Block1/Swish", "Net/Dropout1"),
          tape.nodes().stream().map(Node::scope).distinct().toList());
    }
  }

  @Test
  void modesPropagateAndZeroGradClearsEveryParameter() {
    Random rng = new Random(3);
    Affine affine = new Affine("Affine1", Tensor.randn(rng, 2, 2), Tensor.zeros(2));
    Sequential net = new Sequential("Net", affine);
    net.eval();
    assertFalse(affine.isTraining());
    net.train();
    assertTrue(affine.isTraining());
    try (Tape tape = Tape.record()) {
      tape.backward(net.apply(Tensor.ones(1, 2)).sum());
    }
    assertTrue(affine.weight().grad() != null);
    net.zeroGrad();
    assertNull(affine.weight().grad());
    assertNull(affine.bias().grad());
  }

  @Test
  void summaryListsNamesShapesAndCounts() {
    Sequential net =
        new Sequential("Net", new Affine("Affine1", Tensor.zeros(784, 50), Tensor.zeros(50)));
    assertEquals(
        "Net\n"
            + "parameter  shape                   count\n"
            + "Affine1.W  (784,50)               39,200\n"
            + "Affine1.b  (50,)                      50\n"
            + "total                             39,250\n",
        net.summary());
  }

  @Test
  void duplicateNamesAndBadInputsAreClearErrors() {
    Affine a = new Affine("Affine1", Tensor.zeros(2, 2), Tensor.zeros(2));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Sequential("Net", a, new Affine("Affine1", Tensor.zeros(2, 2), Tensor.zeros(2))));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.forward(Tensor.zeros(3, 5)));
    assertEquals("Affine1: input (3,5) has 5 features, the weight expects 2", e.getMessage());
  }
}
