package dev.tapegrad.autograd.kernels;

/**
 * Whether this JVM runs tapegrad's SIMD kernels ({@link VectorLoops}, {@link RowTimesMatrix}): only
 * when it was started with {@code --add-modules jdk.incubator.vector} and {@code
 * -Dtapegrad.simd=false} is not set. The classes that use the Vector API are never loaded
 * otherwise.
 */
final class Simd {
  static final boolean ENABLED =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !"false".equals(System.getProperty("tapegrad.simd"));

  private Simd() {}
}
