package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a {@code .npy} stream: the magic {@code \x93NUMPY}, the format version (1.0, 2.0 or
 * 3.0), the header length, and a Python dict literal with {@code descr}, {@code fortran_order} and
 * {@code shape}. Reads it into an {@link ArrayLayout} and writes the version 1.0 header of a
 * C-order float64 array byte for byte as NumPy does.
 *
 * @param layout the array the header describes
 * @param length the bytes of the header, from the magic string to the first data byte
 */
record NpyHeader(ArrayLayout layout, long length) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /** The largest header NumPy itself reads without being told otherwise. */
  private static final int MAX_HEADER_BYTES = 10_000;

  /** NumPy pads the header so that the data starts at a multiple of this. */
  private static final int ALIGNMENT = 64;

  /** NumPy leaves room in the header for the growing axis to reach this many digits. */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;

  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  /** Reads the header at the start of {@code in}, leaving the stream at the first data byte. */
  static NpyHeader read(InputStream in, String source) throws IOException {
    byte[] magic = readFully(in, MAGIC.length, "magic string", source);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new CheckpointFormatException(
          source, "not a .npy array: bad magic " + hex(magic) + ", expected 93 4E 55 4D 50 59");
    }
    byte[] version = readFully(in, 2, "format version", source);
    int major = version[0] & 0xFF;
    if (major < 1 || major > 3 || version[1] != 0) {
      throw new CheckpointFormatException(
          source, "unsupported .npy format version " + major + "." + (version[1] & 0xFF));
    }
    byte[] length = readFully(in, major == 1 ? 2 : 4, "header length", source);
    long headerBytes = 0;
    for (int i = length.length - 1; i >= 0; i--) {
      headerBytes = (headerBytes << 8) | (length[i] & 0xFF);
    }
    if (headerBytes > MAX_HEADER_BYTES) {
      throw new CheckpointFormatException(
          source, "header length " + headerBytes + " exceeds " + MAX_HEADER_BYTES + " bytes");
    }
    Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    String text = new String(readFully(in, (int) headerBytes, "header", source), charset);
    return new NpyHeader(
        layout(text, source), MAGIC.length + version.length + length.length + headerBytes);
  }

  private static ArrayLayout layout(String text, String source) throws CheckpointFormatException {
    Object parsed;
    try {
      parsed = PythonLiteral.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CheckpointFormatException(source, "malformed header: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?>) || !((Map<?, ?>) parsed).keySet().equals(KEYS)) {
      throw new CheckpointFormatException(
          source,
          "header must be a dict with exactly the keys descr, fortran_order and shape, found "
              + text.strip());
    }
    Map<?, ?> dict = (Map<?, ?>) parsed;
    Object descr = dict.get("descr");
    if (!(descr instanceof String)) {
      throw new CheckpointFormatException(
          source, "structured dtype " + descr + " is not supported, only plain numbers");
    }
    Object fortranOrder = dict.get("fortran_order");
    if (!(fortranOrder instanceof Boolean)) {
      throw new CheckpointFormatException(
          source, "fortran_order must be True or False, found " + fortranOrder);
    }
    return ArrayLayout.of(
        NumpyDtype.parse((String) descr, source),
        dims(dict.get("shape"), source),
        (Boolean) fortranOrder,
        source);
  }

  private static long[] dims(Object shape, String source) throws CheckpointFormatException {
    if (shape instanceof List<?>) {
      List<?> items = (List<?>) shape;
      if (items.stream().allMatch(Long.class::isInstance)) {
        return items.stream().mapToLong(Long.class::cast).toArray();
      }
    }
    throw new CheckpointFormatException(
        source, "shape must be a tuple of integers, found " + shape);
  }

  /** The complete version 1.0 header (magic to newline) of a C-order {@code <f8} array. */
  static byte[] float64(int[] shape) {
    StringBuilder dict = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (");
    for (int i = 0; i < shape.length; i++) {
      dict.append(i > 0 ? ", " : "").append(shape[i]);
    }
    dict.append(shape.length == 1 ? ",), }" : "), }");
    if (shape.length > 0) {
      dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
    }
    int prefix = MAGIC.length + 2 + 2;
    int unpadded = dict.length() + 1;
    int padding = ALIGNMENT - (prefix + unpadded) % ALIGNMENT;
    dict.append(" ".repeat(padding)).append('\n');
    int headerLength = dict.length();
    if (headerLength > 0xFFFF) {
      throw new IllegalArgumentException(
          "shape " + Shape.format(shape) + " needs a header too long for .npy version 1.0");
    }
    byte[] bytes = new byte[prefix + headerLength];
    System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
    bytes[6] = 1;
    bytes[7] = 0;
    bytes[8] = (byte) headerLength;
    bytes[9] = (byte) (headerLength >>> 8);
    byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(text, 0, bytes, prefix, text.length);
    return bytes;
  }

  private static byte[] readFully(InputStream in, int n, String what, String source)
      throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new CheckpointFormatException(
          source,
          "truncated: the data ends inside the "
              + what
              + " ("
              + bytes.length
              + " of "
              + n
              + " bytes)");
    }
    return bytes;
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(sb.length() > 0 ? " " : "").append(String.format("%02X", b & 0xFF));
    }
    return sb.toString();
  }
}
