package dev.tapegrad.autograd.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A process for the signal test: writes {@code args[0]} through {@link AtomicFile} without end,
 * printing {@code writing} once the temporary file exists.
 */
final class SlowWriter {
  private SlowWriter() {}

  public static void main(String[] args) throws IOException {
    AtomicFile.write(
        Path.of(args[0]),
        out -> {
          System.out.println("writing");
          System.out.flush();
          byte[] chunk = new byte[1 << 16];
          while (true) {
            out.write(chunk);
            try {
              Thread.sleep(5);
            } catch (InterruptedException e) {
              throw new IOException("interrupted", e);
            }
          }
        });
  }
}
