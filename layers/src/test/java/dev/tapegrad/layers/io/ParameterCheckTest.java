package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterCheckTest {
  private static Map<String, int[]> expected() {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    shapes.put("Affine1.W", new int[] {784, 100});
    shapes.put("Affine1.b", new int[] {100});
    shapes.put("Affine2.W", new int[] {100, 10});
    shapes.put("Affine2.b", new int[] {10});
    return shapes;
  }

  @Test
  void matchingParametersPass() {
    Map<String, Tensor> loaded = new LinkedHashMap<>();
    expected().forEach((name, shape) -> loaded.put(name, Tensor.zeros(shape)));
    ParameterCheck check = ParameterCheck.compare(loaded, expected());
    assertTrue(check.matches());
    assertEquals("parameters match", check.describe());
    assertDoesNotThrow(() -> ParameterCheck.require("checkpoint x.npz", loaded, expected()));
  }

  @Test
  void everyDifferenceIsListedInOneMessage() {
    Map<String, Tensor> loaded = new LinkedHashMap<>();
    loaded.put("Affine1.W", Tensor.zeros(784, 50));
    loaded.put("Affine1.b", Tensor.zeros(100));
    loaded.put("foo", Tensor.scalar(1));
    loaded.put("Affine2.W", Tensor.zeros(10, 100));
    ParameterCheck check = ParameterCheck.compare(loaded, expected());
    assertFalse(check.matches());
    assertEquals(List.of("Affine2.b"), check.missing());
    assertEquals(List.of("foo"), check.unexpected());
    CheckpointFormatException e =
        assertThrows(
            CheckpointFormatException.class,
            () -> ParameterCheck.require("checkpoint x.npz", loaded, expected()));
    assertEquals(
        "checkpoint x.npz: missing Affine2.b; unexpected foo;"
            + " Affine1.W has shape (784,50), expected (784,100);"
            + " Affine2.W has shape (10,100), expected (100,10)",
        e.getMessage());
  }

  @Test
  void emptyCheckpointMissesEverything() {
    assertEquals(
        "missing Affine1.W, Affine1.b, Affine2.W, Affine2.b",
        ParameterCheck.compare(Map.of(), expected()).describe());
  }
}
