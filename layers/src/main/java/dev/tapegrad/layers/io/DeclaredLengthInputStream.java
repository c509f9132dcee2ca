package dev.tapegrad.layers.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The first {@code length} bytes of a stream whose length was declared beforehand, such as a zip
 * entry whose header gives its size: reading stops there, and a stream that goes on is an error
 * rather than more data. However far a corrupt or hostile entry would inflate, no more than the
 * declared length is ever produced.
 */
final class DeclaredLengthInputStream extends FilterInputStream {
  private final long length;
  private final String source;
  private long remaining;

  /** The first {@code length} bytes of {@code in}; {@code source} names it in errors. */
  DeclaredLengthInputStream(InputStream in, long length, String source) {
    super(in);
    this.length = length;
    this.source = source;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    if (remaining == 0) {
      return endOfDeclaredData();
    }
    int b = in.read();
    if (b >= 0) {
      remaining--;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    if (count == 0) {
      return 0;
    }
    if (remaining == 0) {
      return endOfDeclaredData();
    }
    int n = in.read(buffer, offset, (int) Math.min(count, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(Math.min(n, remaining));
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(in.available(), remaining);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** End of stream, provided the underlying stream ends here too. */
  private int endOfDeclaredData() throws IOException {
    if (in.read() >= 0) {
      throw new CheckpointFormatException(
          source,
          String.format(
              Locale.ROOT, "holds more than the %,d bytes declared for it: corrupt data", length));
    }
    return -1;
  }
}
