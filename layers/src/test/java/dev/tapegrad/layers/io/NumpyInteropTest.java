package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NumPy itself loads what we write, bit for bit. Runs {@code python3}; skipped where python3 with
 * NumPy is not installed.
 */
class NumpyInteropTest {
  /** Prints name, shape and the hex of the float64 data of every array in the file(s). */
  private static final String PRINT_ARRAYS =
      "import sys, numpy as np\n"
          + "for path in sys.argv[1:]:\n"
          + "    data = np.load(path)\n"
          + "    items = data.items() if path.endswith('.npz') else [('-', data)]\n"
          + "    for name, a in items:\n"
          + "        assert a.dtype == np.float64 and a.flags.c_contiguous\n"
          + "        dims = ','.join(str(d) for d in a.shape)\n"
          + "        shape = '(' + dims + (',)' if a.ndim == 1 else ')')\n"
          + "        print(name + '|' + shape + '|' + a.tobytes().hex())\n";

  @TempDir Path dir;

  @Test
  void numpyLoadsOurNpzAndNpy() throws IOException, InterruptedException {
    SplittableRandom random = new SplittableRandom(11);
    Map<String, Tensor> arrays = new LinkedHashMap<>();
    arrays.put("Affine1.W", Tensor.randn(random, 5, 3));
    arrays.put("adam/m/Affine1.W", Tensor.randn(random, 5, 3));
    arrays.put("Conv1.W", Tensor.randn(random, 2, 1, 3, 3));
    arrays.put("step", Tensor.scalar(3));
    arrays.put("empty", Tensor.zeros(0, 4));
    arrays.put("special", Tensor.vector(Double.NaN, -0.0, Double.POSITIVE_INFINITY, 1e-310));
    Path npz = dir.resolve("ckpt.npz");
    Npz.write(npz, arrays);
    Path npy = dir.resolve("one.npy");
    Npy.write(npy, arrays.get("Conv1.W"));

    List<String> expected = new ArrayList<>();
    arrays.forEach((name, t) -> expected.add(line(name, t)));
    expected.add(line("-", arrays.get("Conv1.W")));
    assertEquals(expected, python(npz.toString(), npy.toString()));
  }

  private static String line(String name, Tensor t) {
    ByteBuffer bytes = ByteBuffer.allocate(8 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asDoubleBuffer().put(t.data());
    return name + "|" + Shape.format(t.shape()) + "|" + HexFormat.of().formatHex(bytes.array());
  }

  private static List<String> python(String... files) throws IOException, InterruptedException {
    assumeTrue(numpyAvailable(), "python3 with numpy not available: skipped");
    List<String> command = new ArrayList<>(List.of("python3", "-c", PRINT_ARRAYS));
    command.addAll(List.of(files));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    return output.lines().toList();
  }

  private static boolean numpyAvailable() {
    try {
      Process process =
          new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
