package dev.tapegrad.examples.download;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file to download and what it must be: its name on the mirror, its SHA-256 (64 hex digits) and,
 * when known, its size in bytes (-1 when not).
 */
public record ExpectedFile(String name, String sha256, long size) {
  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

  public ExpectedFile {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a plain file name: '" + name + "'");
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!HEX_64.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          name + ": a SHA-256 is 64 hexadecimal digits, got '" + sha256 + "'");
    }
    if (size < -1) {
      throw new IllegalArgumentException(name + ": size must be -1 (unknown) or more, got " + size);
    }
  }
}
