package dev.tapegrad.examples.download;

import java.io.IOException;

/** A file could not be downloaded: no mirror was reachable, or none served the expected bytes. */
public final class DownloadException extends IOException {
  private static final long serialVersionUID = 1L;

  public DownloadException(String message) {
    super(message);
  }
}
