package dev.tapegrad.layers.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A NumPy element type written as a type string ({@code descr}) such as {@code <f4} or {@code >i8},
 * and the conversion of its raw bytes to float64 values.
 *
 * <p>Supported: floats {@code f4 f8}, signed {@code i1 i2 i4 i8}, unsigned {@code u1 u2 u4 u8} and
 * bool {@code b1}, little ({@code <}) or big ({@code >}) endian; one-byte types may also say {@code
 * |}. 64-bit integers that float64 cannot hold exactly are rejected, not rounded.
 */
final class NumpyDtype {
  private static final String SUPPORTED =
      "supported: f4, f8, i1, i2, i4, i8, u1, u2, u4, u8, b1, each as <, > or (one byte) |";

  private final String descr;
  private final char kind;
  private final int itemSize;
  private final ByteOrder order;

  private NumpyDtype(String descr, char kind, int itemSize, ByteOrder order) {
    this.descr = descr;
    this.kind = kind;
    this.itemSize = itemSize;
    this.order = order;
  }

  /** The dtype of type string {@code descr}, or an error saying why it is not supported. */
  static NumpyDtype parse(String descr, String source) throws CheckpointFormatException {
    if (descr.length() != 3 || !isSupported(descr.charAt(1), descr.charAt(2) - '0')) {
      throw new CheckpointFormatException(
          source, "unsupported dtype " + PythonValues.repr(descr) + " (" + SUPPORTED + ")");
    }
    char kind = descr.charAt(1);
    int size = descr.charAt(2) - '0';
    char byteOrder = descr.charAt(0);
    if (byteOrder == '<' || (size == 1 && (byteOrder == '|' || byteOrder == '='))) {
      return new NumpyDtype(descr, kind, size, ByteOrder.LITTLE_ENDIAN);
    }
    if (byteOrder == '>') {
      return new NumpyDtype(descr, kind, size, ByteOrder.BIG_ENDIAN);
    }
    throw new CheckpointFormatException(
        source,
        "dtype '"
            + descr
            + "' has byte order '"
            + byteOrder
            + "'; a "
            + size
            + "-byte type needs '<' or '>'");
  }

  private static boolean isSupported(char kind, int size) {
    switch (kind) {
      case 'f':
        return size == 4 || size == 8;
      case 'i':
      case 'u':
        return size == 1 || size == 2 || size == 4 || size == 8;
      case 'b':
        return size == 1;
      default:
        return false;
    }
  }

  /** The type string, e.g. {@code <f4}. */
  String descr() {
    return descr;
  }

  /** Bytes per element. */
  int itemSize() {
    return itemSize;
  }

  /**
   * The first {@code count} elements of {@code raw} (at least {@code count * itemSize()} bytes) as
   * float64 values, in the order they are stored.
   */
  double[] decode(byte[] raw, int count, String source) throws CheckpointFormatException {
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(order);
    double[] values = new double[count];
    if (kind == 'f' && itemSize == 8) {
      buffer.asDoubleBuffer().get(values);
    } else if (kind == 'f') {
      FloatBuffer floats = buffer.asFloatBuffer();
      for (int i = 0; i < count; i++) {
        values[i] = floats.get(i);
      }
    } else if (kind == 'b') {
      for (int i = 0; i < count; i++) {
        values[i] = raw[i] != 0 ? 1.0 : 0.0;
      }
    } else {
      for (int i = 0; i < count; i++) {
        values[i] = integerAt(buffer, i, source);
      }
    }
    return values;
  }

  private double integerAt(ByteBuffer buffer, int index, String source)
      throws CheckpointFormatException {
    boolean unsigned = kind == 'u';
    switch (itemSize) {
      case 1:
        return unsigned ? Byte.toUnsignedInt(buffer.get(index)) : buffer.get(index);
      case 2:
        short s = buffer.getShort(2 * index);
        return unsigned ? Short.toUnsignedInt(s) : s;
      case 4:
        int i = buffer.getInt(4 * index);
        return unsigned ? Integer.toUnsignedLong(i) : i;
      default:
        return exactly(buffer.getLong(8 * index), unsigned, index, source);
    }
  }

  /** A 64-bit integer as float64 when that is exact, otherwise an error (never a rounded value). */
  private double exactly(long bits, boolean unsigned, int index, String source)
      throws CheckpointFormatException {
    if (unsigned && bits < 0) {
      // 2^63 <= value < 2^64, where float64 values are the multiples of 2^11.
      if ((bits & 0x7FF) == 0) {
        return (bits >>> 11) * 2048.0;
      }
    } else {
      double value = bits;
      if (value != 0x1p63 && (long) value == bits) {
        return value;
      }
    }
    String text = unsigned ? Long.toUnsignedString(bits) : Long.toString(bits);
    throw new CheckpointFormatException(
        source,
        descr + " value " + text + " (element " + index + " in file order) has no exact float64");
  }
}
