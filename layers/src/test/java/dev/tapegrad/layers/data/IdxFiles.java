package dev.tapegrad.layers.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte for tests, well-formed or deliberately broken. */
final class IdxFiles {
  private IdxFiles() {}

  /** The bytes of an IDX file: magic {@code 00 00 type rank}, the sizes, then {@code data}. */
  static byte[] idx(int type, int[] dimensions, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
    buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dimensions.length);
    for (int d : dimensions) {
      buffer.putInt(d);
    }
    return buffer.put(data).array();
  }

  /** An unsigned-byte IDX file of {@code dimensions} holding {@code data}. */
  static byte[] unsignedBytes(int[] dimensions, byte[] data) {
    return idx(0x08, dimensions, data);
  }

  /** {@code content} gzipped. */
  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes {@code content} (gzipped if asked) to {@code directory/name}. */
  static Path write(Path directory, String name, byte[] content, boolean gzipped)
      throws IOException {
    return Files.write(directory.resolve(name), gzipped ? gzip(content) : content);
  }

  /** {@code values} as bytes (each value 0..255). */
  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
