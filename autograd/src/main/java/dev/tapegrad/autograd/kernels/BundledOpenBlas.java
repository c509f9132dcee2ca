package dev.tapegrad.autograd.kernels;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The OpenBLAS that the {@code org.bytedeco:openblas} jar for this platform ships (tapegrad depends
 * on the Linux x86-64 one). JavaCPP's {@link Loader} copies it, with the runtime libraries it
 * links, into its cache ({@code ~/.javacpp/cache}) once; netlib then loads it from there. Only the
 * files are used, not JavaCPP's JNI bindings.
 */
final class BundledOpenBlas {
  /** The jar's libraries that OpenBLAS needs (it finds them beside itself), OpenBLAS last. */
  private static final List<String> FILES =
      List.of("libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0");

  private BundledOpenBlas() {}

  /**
   * The extracted OpenBLAS, or empty when this platform has no bundled library (or it cannot be
   * written to the cache).
   */
  static Optional<String> extract() {
    try {
      String platform = Loader.getPlatform();
      File library = null;
      for (String file : FILES) {
        library = Loader.cacheResource(openblas_nolapack.class, platform + "/" + file);
        if (library == null) {
          return Optional.empty();
        }
      }
      return Optional.of(library.getAbsolutePath());
    } catch (IOException | RuntimeException | LinkageError unavailable) {
      return Optional.empty();
    }
  }
}
