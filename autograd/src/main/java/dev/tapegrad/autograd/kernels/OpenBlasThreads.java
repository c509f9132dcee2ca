package dev.tapegrad.autograd.kernels;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The thread count of the OpenBLAS that netlib loaded, if it did. netlib {@code dlopen}s {@code
 * libblas.so.3}, which does not export OpenBLAS's own functions, but the {@code libopenblas.so.0}
 * it links does. This class finds that library among the process's mapped files (Linux's {@code
 * /proc/self/maps}) and reaches it through JNA; it never loads an OpenBLAS that is not there.
 */
final class OpenBlasThreads {
  private static final Path MAPS = Path.of("/proc/self/maps");

  /** {@code dlopen} flags: lazy binding, and not RTLD_GLOBAL, which would export its symbols. */
  static final Map<String, Integer> OPEN_FLAGS = Map.of(Library.OPTION_OPEN_FLAGS, 0x1);

  private OpenBlasThreads() {}

  /**
   * Sets OpenBLAS to {@code threads} threads; does nothing when no OpenBLAS is loaded or it lacks
   * {@code openblas_set_num_threads}.
   */
  static void set(int threads) {
    function("openblas_set_num_threads").ifPresent(f -> f.invokeVoid(new Object[] {threads}));
  }

  /** OpenBLAS's current thread count, or empty when no OpenBLAS is loaded. */
  static OptionalInt current() {
    return function("openblas_get_num_threads")
        .map(f -> OptionalInt.of(f.invokeInt(new Object[0])))
        .orElse(OptionalInt.empty());
  }

  /** The file of the OpenBLAS mapped into this process, if any. */
  static Optional<Path> loadedLibrary() {
    if (!Files.isReadable(MAPS)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(MAPS)) {
      return lines
          .map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .filter(file -> file.startsWith("/"))
          .map(Path::of)
          .filter(file -> file.getFileName().toString().startsWith("libopenblas"))
          .findFirst();
    } catch (IOException | UncheckedIOException unreadable) {
      return Optional.empty();
    }
  }

  private static Optional<Function> function(String name) {
    try {
      return loadedLibrary()
          .map(file -> NativeLibrary.getInstance(file.toString(), OPEN_FLAGS).getFunction(name));
    } catch (UnsatisfiedLinkError | NoClassDefFoundError unavailable) {
      return Optional.empty();
    }
  }
}
