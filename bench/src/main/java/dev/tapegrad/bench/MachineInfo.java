package dev.tapegrad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Where and when a benchmark ran: date, CPU model and count, JDK, load, thread settings. */
final class MachineInfo {
  private MachineInfo() {}

  /** A Markdown bullet list describing this machine and JVM now. */
  static String describe() {
    StringBuilder out = new StringBuilder();
    String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    out.append("- date: ").append(now, 0, 16).append(" UTC\n");
    out.append("- machine: ")
        .append(cpuModel())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs, load average at start ")
        .append(loadAverage())
        .append('\n');
    out.append("- JDK: ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() >> 20)
        .append(" MB\n");
    out.append("- threads: OPENBLAS_NUM_THREADS=")
        .append(env("OPENBLAS_NUM_THREADS"))
        .append(", OMP_NUM_THREADS=")
        .append(env("OMP_NUM_THREADS"))
        .append('\n');
    return out.toString();
  }

  /** The first {@code model name} of /proc/cpuinfo (what lscpu shows), or the OS arch. */
  static String cpuModel() {
    return readLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .findFirst()
        .orElse(System.getProperty("os.arch"));
  }

  /** The 1-minute load average, as other processes on the machine disturb the timings. */
  static String loadAverage() {
    return readLines(Path.of("/proc/loadavg")).stream()
        .findFirst()
        .map(l -> l.split(" ")[0])
        .orElse("unknown");
  }

  private static String env(String name) {
    return Optional.ofNullable(System.getenv(name)).orElse("unset");
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException | SecurityException e) {
      return List.of();
    }
  }
}
