package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeapLimitTest {
  @Test
  void whatFitsInTheMaximumHeapPasses() {
    assertEquals(Optional.empty(), HeapLimit.problem(0));
    assertEquals(Optional.empty(), HeapLimit.problem(Runtime.getRuntime().maxMemory()));
  }

  @Test
  void whatExceedsItIsExplained() {
    long max = Runtime.getRuntime().maxMemory();
    assertEquals(
        Optional.of(
            String.format(
                Locale.ROOT,
                "needs %,d bytes, more than this JVM's maximum heap of %,d bytes (see -Xmx)",
                max + 1,
                max)),
        HeapLimit.problem(max + 1));
    assertTrue(HeapLimit.problem(Long.MAX_VALUE).isPresent());
  }
}
