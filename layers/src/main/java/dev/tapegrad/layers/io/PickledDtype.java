package dev.tapegrad.layers.io;

import net.razorvine.pickle.PickleException;

/**
 * A {@code numpy.dtype} as a pickle rebuilds it: {@code dtype('f4', False, True)} gives the type
 * code, and the state restored afterwards gives the byte order and says whether the type is
 * structured.
 */
final class PickledDtype {
  private final String code;
  private String byteOrder = "=";
  private boolean structured;

  PickledDtype(String code) {
    this.code = code;
  }

  /** Applies the pickled state {@code (version, byteorder, subarray, names, fields, ...)}. */
  void setState(Object state) {
    if (!(state instanceof Object[])
        || ((Object[]) state).length < 5
        || !(((Object[]) state)[1] instanceof String)) {
      throw new PickleException("unexpected numpy.dtype state for " + PythonValues.repr(code));
    }
    Object[] fields = (Object[]) state;
    byteOrder = (String) fields[1];
    structured = fields[2] != null || fields[3] != null || fields[4] != null;
  }

  /** The element type, if it is one tapegrad reads. */
  NumpyDtype toNumpy(String source) throws CheckpointFormatException {
    if (structured) {
      throw new CheckpointFormatException(
          source, "structured or sub-array dtype '" + code + "' is not supported");
    }
    return NumpyDtype.parse(byteOrder + code, source);
  }
}
