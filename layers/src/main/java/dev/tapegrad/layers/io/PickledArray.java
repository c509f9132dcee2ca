package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Tensor;
import java.nio.charset.StandardCharsets;
import net.razorvine.pickle.PickleException;

/**
 * A {@code numpy.ndarray} as a pickle rebuilds it: created empty by {@code _reconstruct} and filled
 * by its pickled state {@code (version, shape, dtype, is_fortran, raw_data)}, or created whole by
 * {@code _frombuffer(buffer, dtype, shape, order)} (protocol 5) or, for a NumPy scalar, by {@code
 * scalar(dtype, raw_data)}. Checked and converted to a {@link Tensor} only at the end, when the
 * file name is known for messages: first its {@link #layout} (no allocation), then its {@link
 * #toTensor tensor}. Its raw data is kept as the pickle gave it, shared with anything else in the
 * pickle that refers to the same bytes, and copied only by {@link #toTensor}.
 */
final class PickledArray {
  private long[] shape;
  private PickledDtype dtype;
  private boolean fortranOrder;

  /** The raw bytes: {@code byte[]}, or a Latin-1 {@code String} (Python 2 str, protocol 2). */
  private Object data;

  /** An array awaiting its state. */
  PickledArray() {}

  /** The array of protocol 5's {@code _frombuffer(buffer, dtype, shape, order)}. */
  static PickledArray fromBuffer(Object[] args) {
    if (args.length != 4 || !("C".equals(args[3]) || "F".equals(args[3]))) {
      throw new PickleException("unexpected arguments to numpy _frombuffer");
    }
    PickledArray array = new PickledArray();
    array.fill(args[2], args[1], "F".equals(args[3]), args[0]);
    return array;
  }

  /** The 0-d array of a NumPy scalar, {@code scalar(dtype, raw_bytes)}. */
  static PickledArray scalar(Object[] args) {
    if (args.length != 2) {
      throw new PickleException("unexpected arguments to numpy scalar");
    }
    PickledArray array = new PickledArray();
    array.fill(new Object[0], args[0], false, args[1]);
    return array;
  }

  /** Applies the pickled state; version 1 has a leading version number, version 0 has not. */
  void setState(Object state) {
    if (!(state instanceof Object[])) {
      throw new PickleException("unexpected numpy.ndarray state");
    }
    Object[] fields = (Object[]) state;
    int offset = fields.length == 5 ? 1 : 0;
    if (fields.length - offset != 4 || !(fields[offset + 2] instanceof Boolean)) {
      throw new PickleException("unexpected numpy.ndarray state");
    }
    fill(fields[offset], fields[offset + 1], (Boolean) fields[offset + 2], fields[offset + 3]);
  }

  private void fill(Object shape, Object dtype, boolean fortranOrder, Object data) {
    if (!(shape instanceof Object[]) || !(dtype instanceof PickledDtype)) {
      throw new PickleException("numpy array with unexpected shape or dtype");
    }
    Object[] dims = (Object[]) shape;
    this.shape = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (!(dims[i] instanceof Integer || dims[i] instanceof Long)) {
        throw new PickleException("numpy array shape holds " + PythonValues.repr(dims[i]));
      }
      this.shape[i] = ((Number) dims[i]).longValue();
    }
    this.dtype = (PickledDtype) dtype;
    this.fortranOrder = fortranOrder;
    this.data = data instanceof byte[] || data instanceof String ? data : null;
  }

  /**
   * The layout the array's state declares, checked against the length of its raw data; nothing is
   * allocated.
   */
  ArrayLayout layout(String source) throws CheckpointFormatException {
    if (dtype == null) {
      throw new CheckpointFormatException(source, "numpy array without its state");
    }
    NumpyDtype numpyDtype = dtype.toNumpy(source);
    if (data == null) {
      throw new CheckpointFormatException(source, "numpy array without raw data");
    }
    ArrayLayout layout = ArrayLayout.of(numpyDtype, shape, fortranOrder, source);
    int length = data instanceof byte[] ? ((byte[]) data).length : ((String) data).length();
    if (length != layout.byteCount()) {
      throw layout.lengthMismatch(length, source);
    }
    return layout;
  }

  /** The array, of {@code layout} (from {@link #layout}), as a row-major float64 tensor. */
  Tensor toTensor(ArrayLayout layout, String source) throws CheckpointFormatException {
    byte[] raw = data instanceof byte[] ? (byte[]) data : latin1((String) data, source);
    return layout.toTensor(raw, source);
  }

  /**
   * The bytes of a Python 2 str, or of the str that protocol 2 passes to {@code
   * _codecs.encode(text, 'latin1')}: each character is one byte.
   */
  private static byte[] latin1(String text, String source) throws CheckpointFormatException {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        throw new CheckpointFormatException(
            source,
            String.format(
                "raw data holds the character U+%04X, which is not a byte", (int) text.charAt(i)));
      }
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
