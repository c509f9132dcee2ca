package dev.tapegrad.autograd.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of {@link AtomicFile}: {@code .<name>.<random>-<pid>.tmp} beside the target,
 * where {@code pid} is the process writing it. None outlives the write that made it, even when the
 * write does not finish:
 *
 * <ul>
 *   <li>those in flight when the JVM shuts down (SIGTERM, Ctrl-C, {@code System.exit}) are deleted
 *       by a shutdown hook, and no new one can be created after that;
 *   <li>those a killed process left behind ({@code kill -9}, a power cut) are deleted the first
 *       time this JVM writes into their directory: a temporary file that this JVM is not writing is
 *       stale when the process named in it is not running, or, when it names this JVM's process id
 *       (an earlier JVM in a container) or none, when it was last modified more than {@link
 *       #STALE_AFTER} ago.
 * </ul>
 */
final class TempFiles {
  /** How old a temporary file of this process id, or of none, must be to count as stale. */
  static final Duration STALE_AFTER = Duration.ofSeconds(10);

  /** {@code .<name>.<random>[-<pid>].tmp}; group 1 is the process id, if any. */
  private static final Pattern NAME = Pattern.compile("\\..+\\.[0-9a-z]+(?:-([0-9]+))?\\.tmp");

  private static final long PID = ProcessHandle.current().pid();

  private static final Set<Path> IN_FLIGHT = new HashSet<>();
  private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
  private static boolean shuttingDown;

  static {
    try {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TempFiles::deleteInFlight, "tapegrad-temp-files"));
    } catch (IllegalStateException alreadyShuttingDown) {
      shuttingDown = true;
    }
  }

  private TempFiles() {}

  /**
   * Creates an empty temporary file beside {@code target} (absolute, in an existing directory),
   * after removing the stale ones of that directory if this JVM has not looked there yet.
   *
   * @throws IOException if the file cannot be created, or the JVM is shutting down
   */
  static Path create(Path target) throws IOException {
    Path directory = target.getParent();
    if (SWEPT.add(directory)) {
      deleteStale(directory);
    }
    String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    Path temp = directory.resolve("." + target.getFileName() + "." + random + "-" + PID + ".tmp");
    synchronized (IN_FLIGHT) {
      if (shuttingDown) {
        throw new IOException("cannot write " + target + ": the JVM is shutting down");
      }
      IN_FLIGHT.add(temp); // before it exists, so that no sweep takes it for a leftover
    }
    try {
      return Files.createFile(temp);
    } catch (IOException | RuntimeException e) {
      release(temp);
      throw e;
    }
  }

  /** Forgets {@code temp}: it was renamed into place or deleted. */
  static void release(Path temp) {
    synchronized (IN_FLIGHT) {
      IN_FLIGHT.remove(temp);
    }
  }

  /** Whether the file {@code name}, last modified {@code age} ago, is a leftover to delete. */
  static boolean isStale(String name, Duration age) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return false;
    }
    boolean old = age.compareTo(STALE_AFTER) > 0;
    if (m.group(1) == null) {
      return old;
    }
    long pid;
    try {
      pid = Long.parseLong(m.group(1));
    } catch (NumberFormatException tooLong) {
      return true; // no process has such an id
    }
    if (pid == PID) {
      return old;
    }
    return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /** Deletes the stale temporary files in {@code directory}; problems are ignored. */
  static void deleteStale(Path directory) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*.tmp")) {
      for (Path file : files) {
        deleteIfStale(file);
      }
    } catch (IOException | RuntimeException e) {
      // A directory that cannot be listed is the write's concern, not the sweep's.
    }
  }

  private static void deleteIfStale(Path file) {
    synchronized (IN_FLIGHT) {
      if (IN_FLIGHT.contains(file)) {
        return;
      }
    }
    try {
      long modified = Files.getLastModifiedTime(file).toMillis();
      if (isStale(
          file.getFileName().toString(),
          Duration.ofMillis(System.currentTimeMillis() - modified))) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Gone already, or not ours to delete: either way not this write's problem.
    }
  }

  private static void deleteInFlight() {
    List<Path> temps;
    synchronized (IN_FLIGHT) {
      shuttingDown = true;
      temps = List.copyOf(IN_FLIGHT);
    }
    for (Path temp : temps) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Nothing more can be done while the JVM exits; the next run removes it as stale.
      }
    }
  }
}
