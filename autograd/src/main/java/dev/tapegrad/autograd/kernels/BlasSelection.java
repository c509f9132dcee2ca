package dev.tapegrad.autograd.kernels;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which BLAS library netlib loads for {@link Gemm}, decided before netlib initializes. By default
 * ({@code -Dtapegrad.blas=auto}): a system OpenBLAS when the dynamic linker finds one, else the
 * OpenBLAS bundled in the {@code org.bytedeco:openblas} jar (Linux x86-64), else netlib's pure-Java
 * BLAS. {@code -Dtapegrad.blas=bundled} skips the system library and {@code -Dtapegrad.blas=java}
 * loads nothing native. Under {@code auto}, netlib's own {@code -Ddev.ludovic.netlib.blas.*}
 * settings, when given, are left to decide.
 */
final class BlasSelection {
  /** The system property that chooses the BLAS library. */
  static final String PROPERTY = "tapegrad.blas";

  /** The prefix of netlib 3.2.0's own settings. */
  static final String NETLIB_PREFIX = "dev.ludovic.netlib.blas.";

  /** netlib 3.2.0 dlopens this file or name instead of {@code libblas.so.3}. */
  static final String NETLIB_LIBRARY = NETLIB_PREFIX + "nativeLibPath";

  /** {@code false} stops netlib 3.2.0 from trying any native library. */
  static final String NETLIB_ALLOW_NATIVE = NETLIB_PREFIX + "allowNative";

  private BlasSelection() {}

  /** What {@code -Dtapegrad.blas} asks for. */
  enum Mode {
    AUTO,
    BUNDLED,
    JAVA;

    /** The mode {@code setting} names (null: {@link #AUTO}), or empty when it names none. */
    static Optional<Mode> parse(String setting) {
      if (setting == null) {
        return Optional.of(AUTO);
      }
      for (Mode mode : values()) {
        if (mode.name().toLowerCase(Locale.ROOT).equals(setting)) {
          return Optional.of(mode);
        }
      }
      return Optional.empty();
    }

    /** The one-line error for a {@code setting} that {@link #parse} rejects. */
    static String invalid(String setting) {
      return "-D" + PROPERTY + " must be auto, bundled or java, got '" + setting + "'";
    }
  }

  /** Where the chosen library comes from. */
  enum Source {
    SYSTEM_OPENBLAS,
    BUNDLED_OPENBLAS,
    /** netlib's own {@code dev.ludovic.netlib.blas.*} settings decide. */
    NETLIB_SETTINGS,
    PURE_JAVA
  }

  /** The chosen library: its source and what netlib should load ({@code ""} when nothing). */
  record Choice(Source source, String library) {}

  /**
   * The library for {@code mode}. The suppliers are asked only when needed, in order, so that a
   * bundled library is not extracted when a system one is used.
   *
   * @param netlibConfigured whether a {@code dev.ludovic.netlib.blas.*} property is set
   * @param systemOpenBlas the name under which the linker finds a system OpenBLAS, if it does
   * @param bundledOpenBlas the file of the bundled OpenBLAS, if it could be extracted
   */
  static Choice choose(
      Mode mode,
      boolean netlibConfigured,
      Supplier<Optional<String>> systemOpenBlas,
      Supplier<Optional<String>> bundledOpenBlas) {
    if (mode == Mode.JAVA) {
      return new Choice(Source.PURE_JAVA, "");
    }
    if (mode == Mode.AUTO) {
      if (netlibConfigured) {
        return new Choice(Source.NETLIB_SETTINGS, "");
      }
      Optional<String> system = systemOpenBlas.get();
      if (system.isPresent()) {
        return new Choice(Source.SYSTEM_OPENBLAS, system.get());
      }
    }
    return bundledOpenBlas
        .get()
        .map(file -> new Choice(Source.BUNDLED_OPENBLAS, file))
        .orElse(new Choice(Source.PURE_JAVA, ""));
  }

  /**
   * The netlib properties that make it load {@code choice}. Pure Java turns native loading off, so
   * that netlib does not try (and report failing to load) {@code libblas.so.3}.
   */
  static Map<String, String> netlibProperties(Choice choice) {
    return switch (choice.source()) {
      case SYSTEM_OPENBLAS, BUNDLED_OPENBLAS -> Map.of(NETLIB_LIBRARY, choice.library());
      case PURE_JAVA -> Map.of(NETLIB_ALLOW_NATIVE, "false");
      case NETLIB_SETTINGS -> Map.of();
    };
  }
}
