package dev.tapegrad.autograd.kernels;

import com.sun.jna.NativeLibrary;
import java.util.List;
import java.util.Optional;

/**
 * Finds an OpenBLAS installed on the system (Debian's {@code libopenblas0-pthread}, for instance)
 * the way netlib will load it: by name, through the dynamic linker. {@code libblas.so.3} counts
 * only when it is OpenBLAS (it exports {@code openblas_set_num_threads}); the reference BLAS that
 * often provides it is slower than netlib's pure-Java one.
 */
final class SystemOpenBlas {
  /** The names tried, in order: netlib's default, then OpenBLAS's own. */
  static final List<String> NAMES = List.of("libblas.so.3", "libopenblas.so.0");

  private SystemOpenBlas() {}

  /** The first of {@link #NAMES} that loads and is OpenBLAS. */
  static Optional<String> find() {
    return NAMES.stream().filter(SystemOpenBlas::isOpenBlas).findFirst();
  }

  private static boolean isOpenBlas(String name) {
    try {
      NativeLibrary.getInstance(name, OpenBlasThreads.OPEN_FLAGS)
          .getFunction("openblas_set_num_threads");
      return true;
    } catch (UnsatisfiedLinkError | NoClassDefFoundError absent) {
      return false;
    }
  }
}
