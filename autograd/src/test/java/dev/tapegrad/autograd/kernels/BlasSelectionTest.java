package dev.tapegrad.autograd.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.kernels.BlasSelection.Choice;
import dev.tapegrad.autograd.kernels.BlasSelection.Mode;
import dev.tapegrad.autograd.kernels.BlasSelection.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Which BLAS library is chosen given what the machine has, and which netlib settings load it; the
 * probes are stand-ins that record whether they were asked.
 */
class BlasSelectionTest {
  private static final String SYSTEM = "libblas.so.3";
  private static final String BUNDLED = "/cache/libopenblas.so.0";

  private final List<String> asked = new ArrayList<>();

  private Supplier<Optional<String>> probe(String name, boolean present) {
    return () -> {
      asked.add(name);
      return present ? Optional.of(name) : Optional.empty();
    };
  }

  private Choice choose(Mode mode, boolean netlibConfigured, boolean system, boolean bundled) {
    return BlasSelection.choose(
        mode, netlibConfigured, probe(SYSTEM, system), probe(BUNDLED, bundled));
  }

  @Test
  void aSystemOpenBlasIsPreferredAndNothingIsExtracted() {
    assertEquals(new Choice(Source.SYSTEM_OPENBLAS, SYSTEM), choose(Mode.AUTO, false, true, true));
    assertEquals(List.of(SYSTEM), asked);
  }

  @Test
  void withoutASystemOpenBlasTheBundledOneIsUsed() {
    assertEquals(
        new Choice(Source.BUNDLED_OPENBLAS, BUNDLED), choose(Mode.AUTO, false, false, true));
    assertEquals(List.of(SYSTEM, BUNDLED), asked);
  }

  @Test
  void withNoNativeLibraryItIsPureJava() {
    assertEquals(new Choice(Source.PURE_JAVA, ""), choose(Mode.AUTO, false, false, false));
  }

  @Test
  void bundledSkipsTheSystemLibrary() {
    assertEquals(
        new Choice(Source.BUNDLED_OPENBLAS, BUNDLED), choose(Mode.BUNDLED, false, true, true));
    assertEquals(List.of(BUNDLED), asked);
    assertEquals(new Choice(Source.PURE_JAVA, ""), choose(Mode.BUNDLED, false, true, false));
  }

  @Test
  void javaLoadsNothingEvenWhenEverythingIsThere() {
    assertEquals(new Choice(Source.PURE_JAVA, ""), choose(Mode.JAVA, true, true, true));
    assertTrue(asked.isEmpty());
  }

  @Test
  void netlibsOwnSettingsDecideUnderAuto() {
    assertEquals(new Choice(Source.NETLIB_SETTINGS, ""), choose(Mode.AUTO, true, true, true));
    assertTrue(asked.isEmpty());
    assertEquals(
        new Choice(Source.BUNDLED_OPENBLAS, BUNDLED), choose(Mode.BUNDLED, true, true, true));
  }

  @Test
  void netlibIsToldWhatToLoad() {
    assertEquals(
        Map.of(BlasSelection.NETLIB_LIBRARY, BUNDLED),
        BlasSelection.netlibProperties(new Choice(Source.BUNDLED_OPENBLAS, BUNDLED)));
    assertEquals(
        Map.of(BlasSelection.NETLIB_LIBRARY, SYSTEM),
        BlasSelection.netlibProperties(new Choice(Source.SYSTEM_OPENBLAS, SYSTEM)));
    assertEquals(
        Map.of(BlasSelection.NETLIB_ALLOW_NATIVE, "false"),
        BlasSelection.netlibProperties(new Choice(Source.PURE_JAVA, "")));
    assertEquals(Map.of(), BlasSelection.netlibProperties(new Choice(Source.NETLIB_SETTINGS, "")));
  }

  @Test
  void modesAreParsedAndABadOneIsNamed() {
    assertEquals(Optional.of(Mode.AUTO), Mode.parse(null));
    assertEquals(Optional.of(Mode.AUTO), Mode.parse("auto"));
    assertEquals(Optional.of(Mode.BUNDLED), Mode.parse("bundled"));
    assertEquals(Optional.of(Mode.JAVA), Mode.parse("java"));
    assertEquals(Optional.empty(), Mode.parse("JAVA"));
    assertEquals(Optional.empty(), Mode.parse("openblas"));
    assertEquals(
        "-Dtapegrad.blas must be auto, bundled or java, got 'openblas'", Mode.invalid("openblas"));
  }
}
