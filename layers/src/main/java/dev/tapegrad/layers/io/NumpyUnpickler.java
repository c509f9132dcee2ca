package dev.tapegrad.layers.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Razorvine's {@link Unpickler} adapted to pickles of NumPy arrays, and hardened against hostile
 * files. Arrays and dtypes restore their state directly (no reflection); dicts keep their pickled
 * order. Nothing named in a pickle is ever executed, and only the callables of {@link
 * NumpyPickleConstructors} can be reached.
 *
 * <p>What a file cannot do: make the reader allocate for a value more than the file has left (every
 * length field is checked first), hang it on a huge decimal integer (at most {@value #MAX_DIGITS}
 * digits, Python's own default limit), or overflow the stack through a dict key or set element that
 * is a list containing itself (only hashable values are accepted there, and tuples nest at most
 * {@value #MAX_KEY_DEPTH} levels). The unpickler itself is a loop over opcodes, not a recursion, so
 * deeply nested containers are only a problem for whoever walks them; {@link PythonValues} renders
 * them safely in messages.
 */
final class NumpyUnpickler extends Unpickler {
  /** The most digits of a decimal integer (opcode {@code LONG}), as Python's int limits them. */
  static final int MAX_DIGITS = 4300;

  /** The deepest a tuple may nest inside a dict key or set element. */
  static final int MAX_KEY_DEPTH = 64;

  /** Tuples already found hashable, so that a key used many times is checked once. */
  private final Set<Object> hashableTuples = Collections.newSetFromMap(new IdentityHashMap<>());

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
      case Opcodes.GLOBAL:
        String module = PickleUtils.readline(input);
        stack.add(NumpyPickleConstructors.find(module, PickleUtils.readline(input)));
        return NO_RETURN_VALUE;
      case Opcodes.STACK_GLOBAL:
        stackGlobal();
        return NO_RETURN_VALUE;
      case Opcodes.INST:
        instance();
        return NO_RETURN_VALUE;
      case Opcodes.BUILD:
        build();
        return NO_RETURN_VALUE;
      case Opcodes.EMPTY_DICT:
        stack.add(new LinkedHashMap<>());
        return NO_RETURN_VALUE;
      case Opcodes.DICT:
        Map<Object, Object> dict = new LinkedHashMap<>();
        putPairs(stack.pop_all_since_marker(), dict);
        stack.add(dict);
        return NO_RETURN_VALUE;
      case Opcodes.SETITEM:
        Object value = stack.pop();
        Object dictKey = stack.pop();
        putPairs(Arrays.asList(dictKey, value), target(Map.class, "SETITEM"));
        return NO_RETURN_VALUE;
      case Opcodes.SETITEMS:
        List<Object> pairs = stack.pop_all_since_marker();
        putPairs(pairs, target(Map.class, "SETITEMS"));
        return NO_RETURN_VALUE;
      case Opcodes.ADDITEMS:
        List<Object> items = stack.pop_all_since_marker();
        addElements(items, target(Set.class, "ADDITEMS"));
        return NO_RETURN_VALUE;
      case Opcodes.FROZENSET:
        Set<Object> set = new HashSet<>();
        addElements(stack.pop_all_since_marker(), set);
        stack.add(set);
        return NO_RETURN_VALUE;
      case Opcodes.APPENDS:
        // Razorvine trims the list after each APPENDS, which is quadratic for many small ones.
        List<Object> appended = stack.pop_all_since_marker();
        addAll(appended, target(List.class, "APPENDS"));
        return NO_RETURN_VALUE;
      case Opcodes.LONG:
        stack.add(decimalInteger(PickleUtils.readline(input)));
        return NO_RETURN_VALUE;
      case Opcodes.SHORT_BINSTRING:
      case Opcodes.SHORT_BINBYTES:
      case Opcodes.SHORT_BINUNICODE:
      case Opcodes.LONG1:
        checkLength(1);
        break;
      case Opcodes.BINSTRING:
      case Opcodes.BINBYTES:
      case Opcodes.BINUNICODE:
      case Opcodes.LONG4:
        checkLength(4);
        break;
      case Opcodes.BINBYTES8:
      case Opcodes.BINUNICODE8:
      case Opcodes.BYTEARRAY8:
      case Opcodes.FRAME:
        checkLength(8);
        break;
      default:
        break;
    }
    return super.dispatch(key);
  }

  private void stackGlobal() {
    Object name = stack.pop();
    Object module = stack.pop();
    if (!(module instanceof String) || !(name instanceof String)) {
      throw new PickleException(
          "STACK_GLOBAL needs two strings, found "
              + PythonValues.typeName(module)
              + " and "
              + PythonValues.typeName(name));
    }
    stack.add(NumpyPickleConstructors.find((String) module, (String) name));
  }

  /** Protocol 0's {@code INST}: a class named inline, called with the items since the mark. */
  private void instance() throws IOException {
    String module = PickleUtils.readline(input);
    IObjectConstructor constructor =
        NumpyPickleConstructors.find(module, PickleUtils.readline(input));
    stack.add(constructor.construct(stack.pop_all_since_marker().toArray()));
  }

  /** Restores the state of an array or dtype; nothing else has state to restore. */
  private void build() {
    Object state = stack.pop();
    Object target = stack.peek();
    if (target instanceof PickledArray) {
      ((PickledArray) target).setState(state);
    } else if (target instanceof PickledDtype) {
      ((PickledDtype) target).setState(state);
    } else {
      throw new PickleException(
          "cannot rebuild a "
              + PythonValues.typeName(target)
              + " object; only dicts of NumPy arrays are supported");
    }
  }

  /** The container on top of the stack, which {@code opcode} adds to. */
  private <T> T target(Class<T> type, String opcode) {
    Object target = stack.peek();
    if (!type.isInstance(target)) {
      throw new PickleException(opcode + " on a " + PythonValues.typeName(target));
    }
    return type.cast(target);
  }

  /** Puts key, value, key, value, ... into {@code dict}, a dict the unpickler made. */
  @SuppressWarnings("unchecked")
  private void putPairs(List<Object> keysAndValues, Map<?, ?> dict) {
    if (keysAndValues.size() % 2 != 0) {
      throw new PickleException("odd number of items for a dict");
    }
    for (int i = 0; i < keysAndValues.size(); i += 2) {
      requireHashable(keysAndValues.get(i), "dict key", 0);
      ((Map<Object, Object>) dict).put(keysAndValues.get(i), keysAndValues.get(i + 1));
    }
  }

  /** Adds {@code elements} to {@code set}, a set the unpickler made. */
  @SuppressWarnings("unchecked")
  private void addElements(List<Object> elements, Set<?> set) {
    for (Object element : elements) {
      requireHashable(element, "set element", 0);
      ((Set<Object>) set).add(element);
    }
  }

  /** Appends {@code items} to {@code list}, a list the unpickler made. */
  @SuppressWarnings("unchecked")
  private static void addAll(List<Object> items, List<?> list) {
    ((List<Object>) list).addAll(items);
  }

  /**
   * Rejects what Python cannot hash (lists, dicts, sets, objects) as a dict key or set element:
   * hashing a list that contains itself would never end. Strings, numbers, booleans, None, bytes
   * and tuples of these are accepted.
   */
  private void requireHashable(Object value, String role, int depth) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof byte[]
        || hashableTuples.contains(value)) {
      return;
    }
    if (!(value instanceof Object[])) {
      throw new PickleException("unhashable " + role + " of type " + PythonValues.typeName(value));
    }
    if (depth == MAX_KEY_DEPTH) {
      throw new PickleException(
          role + " with tuples nested more than " + MAX_KEY_DEPTH + " levels deep");
    }
    for (Object item : (Object[]) value) {
      requireHashable(item, role, depth + 1);
    }
    hashableTuples.add(value);
  }

  /** Protocol 0's decimal integer, with an optional trailing {@code L}. */
  private static Number decimalInteger(String text) {
    String digits = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
    if (digits.length() > MAX_DIGITS + 1) {
      throw new PickleException(
          "an integer of " + digits.length() + " characters exceeds " + MAX_DIGITS + " digits");
    }
    return PickleUtils.optimizeBigint(new BigInteger(digits));
  }

  /**
   * Rejects a little-endian length field of {@code width} bytes (the next bytes of the input) that
   * claims more bytes than remain after it, before razorvine allocates anything for it.
   */
  private void checkLength(int width) throws IOException {
    input.mark(width);
    byte[] field = input.readNBytes(width);
    input.reset();
    if (field.length < width) {
      throw new PickleException("truncated pickle: it ends inside a length field");
    }
    long length = 0;
    for (int i = field.length - 1; i >= 0; i--) {
      length = (length << 8) | (field[i] & 0xFF);
    }
    long remaining = input.available() - (long) width;
    if (length < 0 || length > remaining) {
      throw new PickleException(
          "a value claims "
              + Long.toUnsignedString(length)
              + " bytes but only "
              + remaining
              + " remain: truncated or corrupt pickle");
    }
  }
}
