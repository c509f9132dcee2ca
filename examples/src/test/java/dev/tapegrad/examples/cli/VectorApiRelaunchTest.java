package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.examples.cli.VectorApiRelaunch.Jvm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the CLI restarts itself with the Vector API, the command it restarts with, and the JVM
 * warning it leaves out of standard error.
 */
class VectorApiRelaunchTest {
  private static final Path JAVA = Path.of("/jdk/bin/java");
  private static final List<String> OPTIONS = List.of("-Xmx2g", "-Dtapegrad.threads=1");

  private final Map<String, String> properties =
      new HashMap<>(Map.of("java.class.path", "tapegrad.jar"));

  private Optional<List<String>> command(boolean hasModule, boolean runtimeHasModule) {
    Jvm jvm = new Jvm(hasModule, runtimeHasModule, properties::get, OPTIONS, JAVA);
    return VectorApiRelaunch.command(jvm, "app.Main", new String[] {"train", "--epochs", "2"});
  }

  @Test
  void aJvmWithoutTheModuleRestartsWithItKeepingOptionsAndArguments() {
    assertEquals(
        Optional.of(
            List.of(
                "/jdk/bin/java",
                "-Xmx2g",
                "-Dtapegrad.threads=1",
                "--add-modules",
                "jdk.incubator.vector",
                "-Dtapegrad.relaunched=true",
                "-cp",
                "tapegrad.jar",
                "app.Main",
                "train",
                "--epochs",
                "2")),
        command(false, true));
  }

  @Test
  void noRestartWhenTheModuleIsThereOrCannotBe() {
    assertEquals(Optional.empty(), command(true, true));
    assertEquals(Optional.empty(), command(false, false));
  }

  @Test
  void noRestartWhenSwitchedOffOrAlreadyRestarted() {
    for (String property : List.of("tapegrad.relaunch", "tapegrad.simd")) {
      properties.put(property, "false");
      assertEquals(Optional.empty(), command(false, true), property);
      properties.remove(property);
    }
    properties.put("tapegrad.relaunched", "true");
    assertEquals(Optional.empty(), command(false, true));
  }

  @Test
  void noRestartFromTheModulePath() {
    properties.put("jdk.module.path", "mods");
    properties.put("java.class.path", "");
    assertEquals(Optional.empty(), command(false, true));
  }

  @Test
  void theWarningIsLeftOutOnlyAsTheFirstLine() {
    String warning = VectorApiRelaunch.WARNING + "\n";
    assertEquals("train: done\n", copied(warning + "train: done\n"));
    assertEquals("", copied(warning));
    assertEquals("epoch 1\r" + warning, copied("epoch 1\r" + warning));
    assertEquals("WARNING: Using incubator", copied("WARNING: Using incubator"));
    assertEquals("WARNING: other\n", copied("WARNING: other\n"));
  }

  private static String copied(String err) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorApiRelaunch.copyWithoutWarning(
        new ByteArrayInputStream(err.getBytes(StandardCharsets.UTF_8)), out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
