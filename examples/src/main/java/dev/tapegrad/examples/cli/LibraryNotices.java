package dev.tapegrad.examples.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the start-up notices of the libraries the CLI uses off standard error, unless {@code
 * --verbose} asks for them.
 *
 * <p>Two sources print there. netlib's JNI stub {@code dlopen}s {@code libblas.so.3} (unless one of
 * its {@code dev.ludovic.netlib.blas.*} properties names another library) and, when there is none,
 * its C code prints {@code netlib-blas: JNI_OnLoad: dlopen(libblas.so.3) failed} before netlib
 * falls back to its Java BLAS: no logging setting reaches that line. So, unless the user set one of
 * those properties, native BLAS is attempted only when a {@code libblas.so.3} is where the dynamic
 * loader looks ({@code LD_LIBRARY_PATH}, {@code /etc/ld.so.cache}, the default directories);
 * otherwise {@code dev.ludovic.netlib.blas.allowNative=false} sends netlib straight to Java, as the
 * failed load would have. And {@code java.util.logging} prints INFO records (netlib's {@code Using
 * dev.ludovic.netlib.blas.Java11BLAS}) to standard error: its console shows warnings and worse
 * only.
 *
 * <p>With {@code --verbose} nothing is changed: netlib tries its default library and says so, and
 * INFO records are shown.
 */
final class LibraryNotices {
  /** The library netlib's JNI stub opens by default. */
  private static final String SYSTEM_BLAS = "libblas.so.3";

  /** netlib's properties: any of them set means the user chose how BLAS loads. */
  private static final List<String> NETLIB_PROPERTIES =
      List.of(
          "dev.ludovic.netlib.blas.allowNative",
          "dev.ludovic.netlib.blas.nativeLib",
          "dev.ludovic.netlib.blas.nativeLibPath");

  /** Where the dynamic loader looks after {@code LD_LIBRARY_PATH} and its cache. */
  private static final List<Path> DEFAULT_DIRECTORIES =
      List.of(Path.of("/lib"), Path.of("/usr/lib"), Path.of("/lib64"), Path.of("/usr/lib64"));

  private static final Path LOADER_CACHE = Path.of("/etc/ld.so.cache");

  private LibraryNotices() {}

  /** Quiet unless {@code verbose}; called before any command runs, so before netlib loads. */
  static void configure(boolean verbose) {
    Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
    boolean chosen = NETLIB_PROPERTIES.stream().anyMatch(p -> System.getProperty(p) != null);
    if (!verbose && !chosen && !systemBlasVisible(LOADER_CACHE, searchedDirectories())) {
      System.setProperty(NETLIB_PROPERTIES.get(0), "false");
    }
  }

  /**
   * Whether {@link #SYSTEM_BLAS} is in one of the {@code directories} or in the loader's {@code
   * cache}, whose string table holds the path of each library it knows.
   */
  static boolean systemBlasVisible(Path cache, List<Path> directories) {
    if (directories.stream().anyMatch(d -> Files.exists(d.resolve(SYSTEM_BLAS)))) {
      return true;
    }
    try {
      byte[] entry = ("/" + SYSTEM_BLAS + "\0").getBytes(StandardCharsets.US_ASCII);
      return contains(Files.readAllBytes(cache), entry);
    } catch (IOException unreadable) {
      return false;
    }
  }

  /** The directories of {@code LD_LIBRARY_PATH}, then the loader's default ones. */
  private static List<Path> searchedDirectories() {
    List<Path> directories = new ArrayList<>();
    String loaderPath = System.getenv("LD_LIBRARY_PATH");
    if (loaderPath != null) {
      Arrays.stream(loaderPath.split(File.pathSeparator))
          .filter(s -> !s.isEmpty())
          .forEach(s -> directories.add(Path.of(s)));
    }
    directories.addAll(DEFAULT_DIRECTORIES);
    return directories;
  }

  private static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
