package dev.tapegrad.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NumpyPeerTest {
  /** Tests run in the module directory, bench/, where the reference lives. */
  private static final Path SCRIPT = Path.of("numpy_reference.py");

  @Test
  void readsSamplesReplies() throws IOException {
    Samples s = NumpyPeer.parseReply(Workload.GEMM_1024, "samples gemm-1024 1.5 2.5 3.0\n");
    assertArrayEquals(new double[] {1.5, 2.5, 3.0}, s.millis());
  }

  @Test
  void turnsErrorsAndGarbageIntoExceptionsNamingTheWorkload() {
    IOException error =
        assertThrows(
            IOException.class,
            () -> NumpyPeer.parseReply(Workload.MLP_ADAM, "error mlp-adam ValueError('x')"));
    assertTrue(
        error.getMessage().contains("mlp-adam") && error.getMessage().contains("ValueError"));
    assertThrows(
        IOException.class,
        () -> NumpyPeer.parseReply(Workload.MLP_ADAM, "samples two-layer-sgd 1.0"));
    assertThrows(
        IOException.class, () -> NumpyPeer.parseReply(Workload.MLP_ADAM, "samples mlp-adam fast"));
    assertThrows(
        IOException.class, () -> NumpyPeer.parseReply(Workload.MLP_ADAM, "samples mlp-adam"));
  }

  @Test
  void aMissingScriptIsReportedWithItsPath() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> NumpyPeer.start("python3", Path.of("no-such-dir", "reference.py")));
    assertTrue(e.getMessage().contains("reference.py"), e.getMessage());
  }

  @Test
  void measuresThroughTheRealReference() throws Exception {
    assumeTrue(numpyAvailable(), "python3 with NumPy is not installed");
    try (NumpyPeer peer = NumpyPeer.start("python3", SCRIPT)) {
      assertTrue(peer.backend().startsWith("NumPy "), peer.backend());
      Samples s = peer.measure(Workload.GEMM_100_784_50, new MeasurementPlan(0, 1, 0, 4, 4));
      assertEquals(4, s.count());
    }
  }

  /** The reference's own check: its backprop matches numerical gradients on every network. */
  @Test
  void referenceNetworksHaveCorrectGradients() throws Exception {
    assumeTrue(numpyAvailable(), "python3 with NumPy is not installed");
    Process p =
        new ProcessBuilder("python3", SCRIPT.toString(), "check").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
  }

  private static boolean numpyAvailable() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
