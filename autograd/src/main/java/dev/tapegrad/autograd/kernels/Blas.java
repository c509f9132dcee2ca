package dev.tapegrad.autograd.kernels;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.tapegrad.autograd.kernels.BlasSelection.Choice;
import dev.tapegrad.autograd.kernels.BlasSelection.Mode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The BLAS that {@link Gemm} calls, loaded once as {@link BlasSelection} chooses, and set to one
 * thread when it is OpenBLAS: tapegrad splits large products across the cores itself, and
 * OpenBLAS's own workers would spin after every call on the cores that the next kernel wants.
 *
 * <p>An invalid {@code -Dtapegrad.blas} makes the methods here throw an {@link
 * IllegalArgumentException} that says so (never an {@link ExceptionInInitializerError}).
 */
public final class Blas {
  /** {@code -Dtapegrad.blas} as read when this class loaded; nothing is loaded until needed. */
  private static final String SETTING = System.getProperty(BlasSelection.PROPERTY);

  private static final Optional<Mode> MODE = Mode.parse(SETTING);

  private Blas() {}

  /** The BLAS in use. */
  static BLAS instance() {
    requireValidSetting();
    return Loaded.INSTANCE;
  }

  /** Where the library in use comes from. */
  static BlasSelection.Source source() {
    requireValidSetting();
    return Loaded.CHOICE.source();
  }

  /**
   * The library in use, in words: {@code bundled OpenBLAS at <file>, 1 thread(s)}, {@code system
   * OpenBLAS at <file>, 1 thread(s)} or {@code pure Java (netlib VectorBLAS)}; loads it if needed.
   */
  public static String description() {
    requireValidSetting();
    Choice choice = Loaded.CHOICE;
    if (!(Loaded.INSTANCE instanceof NativeBLAS)) {
      String failed = choice.library().isEmpty() ? "" : "; " + choice.library() + " did not load";
      return "pure Java (netlib " + Loaded.INSTANCE.getClass().getSimpleName() + ")" + failed;
    }
    String origin =
        switch (choice.source()) {
          case SYSTEM_OPENBLAS -> "system";
          case BUNDLED_OPENBLAS -> "bundled";
          default -> "netlib-configured";
        };
    Optional<Path> openBlas = OpenBlasThreads.loadedLibrary();
    if (openBlas.isEmpty()) {
      return "native " + origin + " BLAS";
    }
    OptionalInt threads = OpenBlasThreads.current();
    return origin
        + " OpenBLAS at "
        + openBlas.get()
        + (threads.isPresent() ? ", " + threads.getAsInt() + " thread(s)" : "");
  }

  /**
   * Checks {@code -Dtapegrad.blas}, without loading a library.
   *
   * @throws IllegalArgumentException if it is not {@code auto}, {@code bundled} or {@code java}
   */
  public static void requireValidSetting() {
    if (MODE.isEmpty()) {
      throw new IllegalArgumentException(Mode.invalid(SETTING));
    }
  }

  /** The choice and the library, made and loaded when first used with a valid setting. */
  private static final class Loaded {
    static final Choice CHOICE =
        BlasSelection.choose(
            MODE.orElseThrow(), netlibConfigured(), SystemOpenBlas::find, BundledOpenBlas::extract);

    static final BLAS INSTANCE = load(CHOICE);

    private static boolean netlibConfigured() {
      return System.getProperties().stringPropertyNames().stream()
          .anyMatch(name -> name.startsWith(BlasSelection.NETLIB_PREFIX));
    }

    private static BLAS load(Choice choice) {
      BlasSelection.netlibProperties(choice).forEach(System::setProperty);
      BLAS blas = BLAS.getInstance();
      if (blas instanceof NativeBLAS) {
        OpenBlasThreads.set(1);
      }
      return blas;
    }
  }
}
