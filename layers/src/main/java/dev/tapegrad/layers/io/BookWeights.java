package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Imports the trained weights that ship with the book's code: Python pickles of a dict from
 * parameter name to NumPy array ({@code sample_weight.pkl}, {@code params.pkl}, {@code
 * deep_convnet_params.pkl}). Reads pickle protocols 2 to 5, float and integer arrays in C or
 * Fortran order, as float64 tensors in the dict's order. Anything else in the file is rejected with
 * a {@link CheckpointFormatException} that says what was found.
 */
public final class BookWeights {
  /** The chapter 3 inference network (float32 W1..W3, b1..b3). */
  public static final String SAMPLE_WEIGHT = "sample_weight.pkl";

  /** The chapter 7 SimpleConvNet (W1..W3, b1..b3). */
  public static final String SIMPLE_CONVNET = "params.pkl";

  /** The chapter 8 DeepConvNet (W1..W8, b1..b8). */
  public static final String DEEP_CONVNET = "deep_convnet_params.pkl";

  private BookWeights() {}

  /** The {@code book-weights} folder of the {@link DataDirectory}, if there is one. */
  public static Optional<Path> directory() {
    return DataDirectory.find("book-weights");
  }

  /** The arrays in the pickled dict {@code file}, by name, in the dict's order. */
  public static Map<String, Tensor> load(Path file) throws IOException {
    String source = file.toString();
    Object pickled;
    try {
      pickled = NumpyUnpickler.unpickle(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      // Razorvine reports malformed input with assorted runtime exceptions (PickleException,
      // NegativeArraySizeException, IndexOutOfBoundsException, ClassCastException, ...).
      throw new CheckpointFormatException(
          source, "not a readable pickle of NumPy arrays: " + e.getMessage(), e);
    }
    if (!(pickled instanceof Map) || pickled instanceof ClassDict) {
      throw new CheckpointFormatException(
          source, "expected a dict of NumPy arrays, found " + typeName(pickled));
    }
    Map<String, Tensor> arrays = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) pickled).entrySet()) {
      if (!(entry.getKey() instanceof String)) {
        throw new CheckpointFormatException(
            source,
            "expected string keys, found the key "
                + entry.getKey()
                + " ("
                + typeName(entry.getKey())
                + ")");
      }
      String name = (String) entry.getKey();
      if (!(entry.getValue() instanceof PickledArray)) {
        throw new CheckpointFormatException(
            source, "'" + name + "' is a " + typeName(entry.getValue()) + ", not a NumPy array");
      }
      PickledArray array = (PickledArray) entry.getValue();
      arrays.put(name, array.toTensor(source + ", array '" + name + "'"));
    }
    return Collections.unmodifiableMap(arrays);
  }

  /** The Python type name of an unpickled value, for messages. */
  private static String typeName(Object value) {
    if (value == null) {
      return "None";
    } else if (value instanceof ClassDict) {
      return ((ClassDict) value).getClassName();
    } else if (value instanceof Map) {
      return "dict";
    } else if (value instanceof List) {
      return "list";
    } else if (value instanceof Object[]) {
      return "tuple";
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return "int";
    } else if (value instanceof Double) {
      return "float";
    } else if (value instanceof String) {
      return "str";
    } else if (value instanceof Boolean) {
      return "bool";
    }
    return value.getClass().getSimpleName();
  }

  /**
   * Copies the book's {@code W1, b1, W2, b2, ...} into a network's weight layers in order: the k-th
   * parameter named {@code *.W} (and {@code *.b}) receives {@code Wk} ({@code bk}). Counts and
   * shapes are checked first; a mismatch names the entry and both shapes and changes nothing.
   */
  public static void assign(Map<String, Tensor> book, Module network) throws CheckpointFormatException {
    Map<String, Tensor> targets = new LinkedHashMap<>();
    int weights = 0;
    int biases = 0;
    for (Map.Entry<String, Tensor> p : network.parameters().entrySet()) {
      if (p.getKey().endsWith(".W")) {
        targets.put("W" + ++weights, p.getValue());
      } else if (p.getKey().endsWith(".b")) {
        targets.put("b" + ++biases, p.getValue());
      }
    }
    Map<String, int[]> expected = new LinkedHashMap<>();
    targets.forEach((name, t) -> expected.put(name, t.shape()));
    ParameterCheck.require("book weights for " + network.name(), book, expected);
    targets.forEach((name, t) -> System.arraycopy(book.get(name).data(), 0, t.data(), 0, t.size()));
  }
}
