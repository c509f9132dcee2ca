package dev.tapegrad.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  @Test
  void idsRoundTrip() {
    for (Workload w : Workload.values()) {
      assertEquals(w, Workload.byId(w.id()));
    }
    assertEquals(List.of(Workload.values()), Workload.parseList("all"));
  }

  @Test
  void gemmsKnowTheirShapeAndWork() {
    assertArrayEquals(new int[] {57600, 25, 30}, Workload.GEMM_57600_25_30.gemmShape());
    assertEquals(2.0 * 1024 * 1024 * 1024, Workload.GEMM_1024.flops());
    assertEquals(2.0 * 100 * 784 * 50, Workload.GEMM_100_784_50.flops());
    assertTrue(Workload.GEMM_100_4320_100.isGemm());
    assertFalse(Workload.TWO_LAYER_SGD.isGemm());
    assertEquals(0.0, Workload.TWO_LAYER_SGD.flops());
    assertThrows(IllegalStateException.class, Workload.MLP_ADAM::gemmShape);
  }

  @Test
  void unknownIdsAreNamedWithTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Workload.byId("resnet"));
    assertTrue(e.getMessage().contains("resnet") && e.getMessage().contains("two-layer-sgd"));
  }
}
