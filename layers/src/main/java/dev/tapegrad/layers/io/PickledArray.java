package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Tensor;
import java.nio.charset.StandardCharsets;
import net.razorvine.pickle.PickleException;

/**
 * A {@code numpy.ndarray} as a pickle rebuilds it: created empty by {@code _reconstruct} and filled
 * by its pickled state {@code (version, shape, dtype, is_fortran, raw_data)}, or created whole by
 * {@code _frombuffer(buffer, dtype, shape, order)} (protocol 5) or, for a NumPy scalar, by {@code
 * scalar(dtype, raw_data)}. Checked and converted to a {@link Tensor} only at the end, when the
 * file name is known for messages.
 */
final class PickledArray {
  private long[] shape;
  private PickledDtype dtype;
  private boolean fortranOrder;
  private byte[] data;

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
        throw new PickleException("numpy array shape holds " + dims[i]);
      }
      this.shape[i] = ((Number) dims[i]).longValue();
    }
    this.dtype = (PickledDtype) dtype;
    this.fortranOrder = fortranOrder;
    if (data instanceof byte[]) {
      this.data = (byte[]) data;
    } else if (data instanceof String) {
      // Python 2 pickles store the raw bytes as a str; read as Latin-1 it maps back byte for byte.
      this.data = ((String) data).getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /** The array as a row-major float64 tensor, or why it cannot be one. */
  Tensor toTensor(String source) throws CheckpointFormatException {
    if (dtype == null) {
      throw new CheckpointFormatException(source, "numpy array without its state");
    }
    NumpyDtype numpyDtype = dtype.toNumpy(source);
    if (data == null) {
      throw new CheckpointFormatException(source, "numpy array without raw data");
    }
    return ArrayLayout.of(numpyDtype, shape, fortranOrder, source).toTensor(data, source);
  }
}
