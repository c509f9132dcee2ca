package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ludovic.netlib.blas.NativeBLAS;
import dev.tapegrad.autograd.kernels.BlasSelection.Source;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The library this JVM loaded is the one its {@code -Dtapegrad.blas} setting asks for (the build
 * runs these tests once per setting), and {@link Blas#description} says so.
 */
class BlasTest {
  private static final String MODE = System.getProperty(BlasSelection.PROPERTY, "auto");

  @Test
  void javaLoadsNoNativeLibrary() {
    assumeTrue(MODE.equals("java"), "native BLAS allowed");
    assertEquals(Source.PURE_JAVA, Blas.source());
    assertTrue(Blas.description().startsWith("pure Java (netlib "), Blas.description());
    assertTrue(OpenBlasThreads.loadedLibrary().isEmpty());
  }

  @Test
  void theBundledOpenBlasRunsFromJavaCppsCacheOnOneThread() {
    assumeTrue(Blas.source() == Source.BUNDLED_OPENBLAS, "not the bundled OpenBLAS");
    assertTrue(Blas.instance() instanceof NativeBLAS);
    Optional<Path> library = OpenBlasThreads.loadedLibrary();
    assertEquals(Optional.of(Path.of(BundledOpenBlas.extract().orElseThrow())), library);
    assertEquals("bundled OpenBLAS at " + library.get() + ", 1 thread(s)", Blas.description());
    assertEquals(OptionalInt.of(1), OpenBlasThreads.current());
  }

  @Test
  void autoLoadsANativeOpenBlasWhereOneIsBundled() {
    assumeTrue(MODE.equals("auto") && BundledOpenBlas.extract().isPresent());
    Source source = Blas.source();
    assertNotEquals(Source.PURE_JAVA, source);
    if (source != Source.NETLIB_SETTINGS) {
      assertTrue(Blas.instance() instanceof NativeBLAS);
      assertTrue(Blas.description().endsWith(", 1 thread(s)"), Blas.description());
    }
  }
}
