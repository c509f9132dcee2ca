package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Imports the trained weights that ship with the book's code: Python pickles of a dict from
 * parameter name to NumPy array ({@code sample_weight.pkl}, {@code params.pkl}, {@code
 * deep_convnet_params.pkl}). Reads pickle protocols 2 to 5, float and integer arrays in C or
 * Fortran order, as float64 tensors in the dict's order. Anything else in the file is rejected with
 * a {@link CheckpointFormatException} that says what was found.
 *
 * <p>The book's three files ship with this module (MIT licensed, the licence beside them): {@link
 * #loadShipped} reads them offline, checked against their published SHA-256; {@link #load} reads
 * any such pickle from a file.
 */
public final class BookWeights {
  /** The chapter 3 inference network (float32 W1..W3, b1..b3). */
  public static final String SAMPLE_WEIGHT = "sample_weight.pkl";

  /** The chapter 7 SimpleConvNet (W1..W3, b1..b3). */
  public static final String SIMPLE_CONVNET = "params.pkl";

  /** The chapter 8 DeepConvNet (W1..W8, b1..b8). */
  public static final String DEEP_CONVNET = "deep_convnet_params.pkl";

  /** The largest pickle read: its bytes are read whole into one array. */
  private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  /** The longest low-level message quoted in an error. */
  private static final int MAX_CAUSE_CHARS = 200;

  private BookWeights() {}

  /**
   * The arrays in the pickled dict {@code file}, by name, in the dict's order. A pickle carries
   * each array's bytes inline, so the arrays together may hold no more bytes than the file: a file
   * that has many arrays share one byte string is rejected before any is converted. An entry that
   * names the very same array object as an earlier one gets the same tensor.
   */
  public static Map<String, Tensor> load(Path file) throws IOException {
    return parse(readPickle(file), file.toString());
  }

  /**
   * The arrays of the book's weight file {@code fileName} ({@link #SAMPLE_WEIGHT}, {@link
   * #SIMPLE_CONVNET} or {@link #DEEP_CONVNET}) as shipped with this module, as {@link #load} reads
   * them, after checking the file's SHA-256: a damaged or modified copy is rejected with an {@link
   * IOException} that says so.
   *
   * @throws IllegalArgumentException when {@code fileName} is not one of the three
   */
  public static Map<String, Tensor> loadShipped(String fileName) throws IOException {
    return parse(ShippedBookWeights.read(fileName), ShippedBookWeights.source(fileName));
  }

  /** The arrays in the pickled dict {@code bytes}, read from {@code source}. */
  private static Map<String, Tensor> parse(byte[] bytes, String source)
      throws CheckpointFormatException {
    Object pickled;
    try {
      pickled = NumpyUnpickler.unpickle(bytes);
    } catch (IOException | RuntimeException e) {
      // Razorvine reports malformed input with assorted runtime exceptions (PickleException,
      // NegativeArraySizeException, IndexOutOfBoundsException, ClassCastException, ...), whose
      // messages may quote the file at any length.
      throw new CheckpointFormatException(
          source, "not a readable pickle of NumPy arrays: " + oneLine(e.getMessage()), e);
    }
    if (!(pickled instanceof Map) || pickled instanceof ClassDict) {
      throw new CheckpointFormatException(
          source, "expected a dict of NumPy arrays, found " + PythonValues.typeName(pickled));
    }
    return tensors((Map<?, ?>) pickled, bytes.length, source);
  }

  private static byte[] readPickle(Path file) throws IOException {
    try {
      if (Files.size(file) <= MAX_FILE_BYTES) {
        return Files.readAllBytes(file);
      }
    } catch (IOException e) {
      throw FileProblem.explained(file, e);
    }
    throw new CheckpointFormatException(
        file.toString(),
        String.format(
            Locale.ROOT, "larger than the %,d bytes a pickle may have here", MAX_FILE_BYTES));
  }

  /**
   * The dict's arrays as tensors. Every array's layout is checked first, and the bytes of data they
   * declare are added up against {@code fileBytes}, before any tensor is allocated.
   */
  private static Map<String, Tensor> tensors(Map<?, ?> dict, long fileBytes, String source)
      throws CheckpointFormatException {
    Map<String, PickledArray> arrays = new LinkedHashMap<>();
    Map<PickledArray, ArrayLayout> layouts = new IdentityHashMap<>();
    long dataBytes = 0;
    for (Map.Entry<?, ?> entry : dict.entrySet()) {
      String name = arrayName(entry, source);
      PickledArray array = (PickledArray) entry.getValue();
      arrays.put(name, array);
      if (!layouts.containsKey(array)) {
        ArrayLayout layout = array.layout(arraySource(source, name));
        layouts.put(array, layout);
        dataBytes += layout.byteCount();
      }
    }
    if (dataBytes > fileBytes) {
      throw new CheckpointFormatException(
          source,
          String.format(
              Locale.ROOT,
              "its %,d arrays hold %,d bytes of data, more than the whole %,d-byte file: a pickle"
                  + " carries each array's bytes once, so these share their data (pickle memo)",
              layouts.size(),
              dataBytes,
              fileBytes));
    }
    Map<PickledArray, Tensor> converted = new IdentityHashMap<>();
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, PickledArray> entry : arrays.entrySet()) {
      PickledArray array = entry.getValue();
      Tensor tensor = converted.get(array);
      if (tensor == null) {
        tensor = array.toTensor(layouts.get(array), arraySource(source, entry.getKey()));
        converted.put(array, tensor);
      }
      tensors.put(entry.getKey(), tensor);
    }
    return Collections.unmodifiableMap(tensors);
  }

  /** The name of an entry of the dict, which must be a string naming an array. */
  private static String arrayName(Map.Entry<?, ?> entry, String source)
      throws CheckpointFormatException {
    if (!(entry.getKey() instanceof String)) {
      throw new CheckpointFormatException(
          source,
          "expected string keys, found the key "
              + PythonValues.repr(entry.getKey())
              + " ("
              + PythonValues.typeName(entry.getKey())
              + ")");
    }
    if (!(entry.getValue() instanceof PickledArray)) {
      throw new CheckpointFormatException(
          source,
          PythonValues.repr(entry.getKey())
              + " is a "
              + PythonValues.typeName(entry.getValue())
              + ", not a NumPy array");
    }
    return (String) entry.getKey();
  }

  private static String arraySource(String source, String name) {
    return source + ", array " + PythonValues.repr(name);
  }

  /** {@code message} on one line of at most {@value #MAX_CAUSE_CHARS} characters. */
  private static String oneLine(String message) {
    if (message == null) {
      return "no details";
    }
    String line = message.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_CAUSE_CHARS ? line : line.substring(0, MAX_CAUSE_CHARS - 3) + "...";
  }

  /**
   * Copies the book's {@code W1, b1, W2, b2, ...} into a network's weight layers in order: the k-th
   * parameter named {@code *.W} (and {@code *.b}) receives {@code Wk} ({@code bk}). Counts and
   * shapes are checked first; a mismatch names the entry and both shapes and changes nothing.
   */
  public static void assign(Map<String, Tensor> book, Module network)
      throws CheckpointFormatException {
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
