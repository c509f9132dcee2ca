package dev.tapegrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunnerOptionsTest {
  @Test
  void defaultsRunEverythingOnEveryPeerWithNativeBlas() {
    RunnerOptions o = RunnerOptions.parse();
    assertEquals(List.of(Workload.values()), o.workloads());
    assertEquals(List.of("tapegrad", "numpy", "djl"), o.peers());
    assertFalse(o.peersChosen());
    assertFalse(o.pureJavaBlas());
    assertEquals(MeasurementPlan.full(), o.plan());
    assertEquals(Path.of("bench", "numpy_reference.py"), o.numpyScript());
    assertEquals(Optional.empty(), o.profile());
  }

  @Test
  void readsEveryOption() {
    RunnerOptions o =
        RunnerOptions.parse(
            "--quick",
            "--workloads",
            "gemm-1024, two-layer-sgd",
            "--peers",
            "tapegrad,numpy",
            "--blas",
            "java",
            "--python",
            "/usr/bin/python3",
            "--numpy-script",
            "x.py",
            "--kernels",
            "--gc",
            "--heap",
            "--profile",
            "simple-conv-adam");
    assertEquals(List.of(Workload.GEMM_1024, Workload.TWO_LAYER_SGD), o.workloads());
    assertEquals(List.of("tapegrad", "numpy"), o.peers());
    assertTrue(
        o.peersChosen() && o.pureJavaBlas() && o.kernels() && o.gcProfile() && o.heapCheck());
    assertEquals(MeasurementPlan.quick(), o.plan());
    assertEquals("/usr/bin/python3", o.python());
    assertEquals(Path.of("x.py"), o.numpyScript());
    assertEquals(Optional.of(Workload.SIMPLE_CONV_ADAM), o.profile());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--fast",
        "--workloads",
        "--workloads nope",
        "--peers torch",
        "--blas mkl",
        "--profile",
        "--python --quick"
      })
  void rejectsBadOptionsNamingThem(String line) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(line.split(" ")));
    String first = line.split(" ")[0];
    String named = line.contains(" ") ? line.split(" ")[1] : first;
    assertTrue(e.getMessage().contains(first) || e.getMessage().contains(named), e.getMessage());
  }

  @Test
  void helpListsEveryWorkload() {
    for (Workload w : Workload.values()) {
      assertTrue(RunnerOptions.USAGE.contains(w.id()), w.id());
    }
    assertTrue(RunnerOptions.parse("--help").help());
  }
}
