package dev.tapegrad.layers.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Razorvine's {@link Unpickler} adapted to pickles of NumPy arrays: arrays and dtypes restore their
 * state directly (no reflection), dicts keep their pickled order, and a length field that claims
 * more bytes than the pickle has left is rejected before anything is allocated for it. Nothing
 * named in a pickle is ever executed.
 */
final class NumpyUnpickler extends Unpickler {
  static {
    NumpyPickleConstructors.registerAll();
  }

  private NumpyUnpickler() {}

  /**
   * The object pickled in {@code bytes}; {@link PickleException} or {@link IOException} if it is
   * not a well-formed pickle.
   */
  static Object unpickle(byte[] bytes) throws IOException {
    NumpyUnpickler unpickler = new NumpyUnpickler();
    try {
      return unpickler.load(new ByteArrayInputStream(bytes));
    } finally {
      unpickler.close();
    }
  }

  @Override
  protected Object dispatch(short key) throws IOException {
    switch (key) {
      case Opcodes.BUILD:
        if (build()) {
          return NO_RETURN_VALUE;
        }
        break;
      case Opcodes.EMPTY_DICT:
        stack.add(new LinkedHashMap<>());
        return NO_RETURN_VALUE;
      case Opcodes.DICT:
        Map<Object, Object> dict = new LinkedHashMap<>();
        putPairs(stack.pop_all_since_marker(), dict);
        stack.add(dict);
        return NO_RETURN_VALUE;
      case Opcodes.SETITEMS:
        List<Object> pairs = stack.pop_all_since_marker();
        putPairs(pairs, targetDict());
        return NO_RETURN_VALUE;
      case Opcodes.BINSTRING:
      case Opcodes.BINBYTES:
      case Opcodes.BINUNICODE:
        checkLength(4);
        break;
      case Opcodes.BINBYTES8:
      case Opcodes.BINUNICODE8:
      case Opcodes.BYTEARRAY8:
        checkLength(8);
        break;
      default:
        break;
    }
    return super.dispatch(key);
  }

  /** Restores the state of an array or dtype; false leaves other objects to razorvine. */
  private boolean build() {
    Object state = stack.pop();
    Object target = stack.peek();
    if (target instanceof PickledArray) {
      ((PickledArray) target).setState(state);
      return true;
    }
    if (target instanceof PickledDtype) {
      ((PickledDtype) target).setState(state);
      return true;
    }
    if (target instanceof ClassDict) {
      throw new PickleException(
          "cannot rebuild a "
              + ((ClassDict) target).getClassName()
              + " object; only dicts of NumPy arrays are supported");
    }
    stack.add(state);
    return false;
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> targetDict() {
    Object target = stack.peek();
    if (!(target instanceof Map)) {
      throw new PickleException("SETITEMS on a " + target.getClass().getSimpleName());
    }
    return (Map<Object, Object>) target;
  }

  private static void putPairs(List<Object> keysAndValues, Map<Object, Object> dict) {
    if (keysAndValues.size() % 2 != 0) {
      throw new PickleException("odd number of items for a dict");
    }
    for (int i = 0; i < keysAndValues.size(); i += 2) {
      dict.put(keysAndValues.get(i), keysAndValues.get(i + 1));
    }
  }

  /** Rejects a little-endian length of {@code width} bytes that exceeds what is left. */
  private void checkLength(int width) throws IOException {
    input.mark(width);
    byte[] field = input.readNBytes(width);
    input.reset();
    long length = 0;
    for (int i = field.length - 1; i >= 0; i--) {
      length = (length << 8) | (field[i] & 0xFF);
    }
    long remaining = input.available() - (long) width;
    if (field.length == width && (length < 0 || length > remaining)) {
      throw new PickleException(
          "a value claims "
              + Long.toUnsignedString(length)
              + " bytes but only "
              + remaining
              + " remain: truncated or corrupt pickle");
    }
  }
}
