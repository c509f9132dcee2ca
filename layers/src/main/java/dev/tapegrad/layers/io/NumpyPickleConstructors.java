package dev.tapegrad.layers.io;

import java.util.LinkedHashMap;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * The Python callables a pickle of NumPy arrays names, mapped to Java: {@code numpy.ndarray},
 * {@code numpy.dtype}, {@code _reconstruct} (protocols 2 to 4), {@code _frombuffer} (protocol 5)
 * and {@code scalar} (NumPy scalars, read as 0-d arrays), under both NumPy 1's {@code numpy.core}
 * and NumPy 2's {@code numpy._core} module names; also {@code collections.OrderedDict}, a common
 * container of named arrays. Razorvine's registry is global to the JVM; registering again only
 * replaces the same entries.
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

  private NumpyPickleConstructors() {}

  /** Registers the constructors with razorvine's {@link Unpickler}. */
  static void registerAll() {
    Unpickler.registerConstructor("numpy", "ndarray", NDARRAY);
    Unpickler.registerConstructor("numpy", "dtype", DTYPE);
    for (String core : new String[] {"numpy.core", "numpy._core"}) {
      Unpickler.registerConstructor(core + ".multiarray", "_reconstruct", RECONSTRUCT);
      Unpickler.registerConstructor(core + ".numeric", "_frombuffer", FROM_BUFFER);
      Unpickler.registerConstructor(core + ".multiarray", "scalar", SCALAR);
    }
    Unpickler.registerConstructor("collections", "OrderedDict", ORDERED_DICT);
  }
}
