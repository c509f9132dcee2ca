package dev.tapegrad.layers.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the golden files in the test resources (described in the README beside them). */
final class Golden {
  private Golden() {}

  static Path file(String name) {
    URL url = Golden.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
