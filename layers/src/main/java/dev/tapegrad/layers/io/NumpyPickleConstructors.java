package dev.tapegrad.layers.io;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.objects.ClassDict;
import net.razorvine.pickle.objects.ClassDictConstructor;

/**
 * The Python callables a pickle of NumPy arrays names, mapped to Java: {@code numpy.ndarray},
 * {@code numpy.dtype}, {@code _reconstruct} (protocols 2 to 4), {@code _frombuffer} (protocol 5)
 * and {@code scalar} (NumPy scalars, read as 0-d arrays), under both NumPy 1's {@code numpy.core}
 * and NumPy 2's {@code numpy._core} module names; {@code collections.OrderedDict}, a common
 * container of named arrays; and {@code _codecs.encode} and {@code bytes}, which protocol 2 uses
 * for raw bytes. Nothing else: any other name becomes a {@link ClassDict} that cannot take
 * arguments, so that no other constructor (of razorvine's, global to the JVM) can be reached from a
 * file. None of these copies data: {@code _codecs.encode} hands the text on as it is (see {@link
 * PickledArray}), so a pickle that refers to one string many times is not multiplied in memory.
 */
final class NumpyPickleConstructors {
  /** Stands for the class {@code numpy.ndarray}, the first argument of {@code _reconstruct}. */
  private static final IObjectConstructor NDARRAY =
      args -> {
        throw new PickleException("numpy.ndarray is only expected as an argument of _reconstruct");
      };

  private static final IObjectConstructor RECONSTRUCT =
      args -> {
        if (args.length != 3 || args[0] != NDARRAY) {
          throw new PickleException("only plain numpy.ndarray objects are supported");
        }
        return new PickledArray();
      };

  private static final IObjectConstructor DTYPE =
      args -> {
        if (args.length == 0 || !(args[0] instanceof String)) {
          throw new PickleException("unexpected arguments to numpy.dtype");
        }
        return new PickledDtype((String) args[0]);
      };

  private static final IObjectConstructor FROM_BUFFER = PickledArray::fromBuffer;

  private static final IObjectConstructor SCALAR = PickledArray::scalar;

  private static final IObjectConstructor ORDERED_DICT =
      args -> {
        if (args.length != 0) {
          throw new PickleException("OrderedDict with constructor arguments is not supported");
        }
        return new LinkedHashMap<Object, Object>();
      };

  /** {@code _codecs.encode(text, 'latin1')}: the text itself, one character per byte. */
  private static final IObjectConstructor LATIN1_ENCODE =
      args -> {
        if (args.length != 2 || !(args[0] instanceof String) || !"latin1".equals(args[1])) {
          throw new PickleException("only _codecs.encode(text, 'latin1') is supported");
        }
        return args[0];
      };

  /** {@code bytes()}, which protocol 2 writes for empty bytes. */
  private static final IObjectConstructor EMPTY_BYTES =
      args -> {
        if (args.length != 0) {
          throw new PickleException("only bytes() without arguments is supported");
        }
        return new byte[0];
      };

  private static final Map<String, IObjectConstructor> BY_NAME = byName();

  private NumpyPickleConstructors() {}

  private static Map<String, IObjectConstructor> byName() {
    Map<String, IObjectConstructor> constructors = new HashMap<>();
    constructors.put("numpy.ndarray", NDARRAY);
    constructors.put("numpy.dtype", DTYPE);
    for (String core : new String[] {"numpy.core", "numpy._core"}) {
      constructors.put(core + ".multiarray._reconstruct", RECONSTRUCT);
      constructors.put(core + ".numeric._frombuffer", FROM_BUFFER);
      constructors.put(core + ".multiarray.scalar", SCALAR);
    }
    constructors.put("collections.OrderedDict", ORDERED_DICT);
    constructors.put("_codecs.encode", LATIN1_ENCODE);
    constructors.put("__builtin__.bytes", EMPTY_BYTES);
    constructors.put("builtins.bytes", EMPTY_BYTES);
    return Map.copyOf(constructors);
  }

  /** The constructor for the global {@code module.name}. */
  static IObjectConstructor find(String module, String name) {
    IObjectConstructor constructor = BY_NAME.get(module + "." + name);
    return constructor != null ? constructor : new ClassDictConstructor(module, name);
  }
}
