package dev.tapegrad.layers.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-made {@code .npy} streams with any header text and data, for tests of bad input. */
final class NpyBytes {
  private NpyBytes() {}

  /** A version 1.0 stream with header {@code dict} (unpadded) followed by {@code data}. */
  static byte[] of(String dict, byte[] data) {
    byte[] header = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out = ByteBuffer.allocate(10 + header.length + data.length);
    out.order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.putShort((short) header.length).put(header).put(data);
    return out.array();
  }

  /** A header dict whose {@code descr} is {@code depth} nested empty lists. */
  static String headerWithDescrNested(int depth) {
    return "{'descr': "
        + "[".repeat(depth)
        + "]".repeat(depth)
        + ", 'fortran_order': False, 'shape': (), }";
  }

  /** {@code values} as little-endian float64 bytes. */
  static byte[] float64(double... values) {
    ByteBuffer out = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    out.asDoubleBuffer().put(values);
    return out.array();
  }

  /** {@code values} as little-endian int64 bytes. */
  static byte[] int64(long... values) {
    ByteBuffer out = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    out.asLongBuffer().put(values);
    return out.array();
  }
}
