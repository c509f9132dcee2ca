package dev.tapegrad.examples.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the start-up notices of the libraries the CLI uses off standard error, unless {@code
 * --verbose} asks for them: {@code java.util.logging} prints INFO records (netlib's {@code Using
 * dev.ludovic.netlib.blas.JNIBLAS}) there, so its console shows warnings and worse only. netlib's
 * C-level {@code dlopen(libblas.so.3) failed} line never appears: the engine's BLAS selection
 * ({@code Backend}) points netlib at a library that is there, or tells it not to try.
 */
final class LibraryNotices {
  private LibraryNotices() {}

  /** Quiet unless {@code verbose}; called before any command runs, so before netlib loads. */
  static void configure(boolean verbose) {
    Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
  }
}
