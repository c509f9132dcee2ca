package dev.tapegrad.autograd.kernels;

/**
 * Whether this JVM runs tapegrad's SIMD kernels ({@link VectorLoops}, {@link RowTimesMatrix}): only
 * when it was started with {@code --add-modules jdk.incubator.vector} and {@code
 * -Dtapegrad.simd=false} is not set. The classes that use the Vector API are never loaded
 * otherwise.
 */
public final class Simd {
  private static final String PROPERTY = "tapegrad.simd";

  private static final boolean MODULE_PRESENT =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  static final boolean ENABLED = MODULE_PRESENT && !"false".equals(System.getProperty(PROPERTY));

  private Simd() {}

  /** Whether the SIMD loops run, and if not why, in words. */
  public static String description() {
    if (ENABLED) {
      return "Vector API on (jdk.incubator.vector)";
    }
    return MODULE_PRESENT
        ? "Vector API off (-D" + PROPERTY + "=false)"
        : "Vector API off (the JVM runs without --add-modules jdk.incubator.vector)";
  }

  /**
   * Checks {@code -Dtapegrad.simd}.
   *
   * @throws IllegalArgumentException if it is set to anything but {@code true} or {@code false}
   */
  public static void requireValidSetting() {
    String setting = System.getProperty(PROPERTY);
    if (setting != null && !setting.equals("true") && !setting.equals("false")) {
      throw new IllegalArgumentException(
          "-D" + PROPERTY + " must be true or false, got '" + setting + "'");
    }
  }
}
