package dev.tapegrad.layers.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Hand-made pickles, opcode by opcode, for tests of what NumPy never writes: data shared through
 * the memo, self-containing keys, absurd length fields. Arrays are written as NumPy writes them
 * ({@code _reconstruct} and a state tuple) so that only the part under test is unusual.
 */
final class PickleBytes {
  static final int MARK = '(';
  static final int STOP = '.';
  static final int TUPLE = 't';
  static final int TUPLE1 = 0x85;
  static final int TUPLE3 = 0x87;
  static final int REDUCE = 'R';
  static final int BUILD = 'b';
  static final int EMPTY_DICT = '}';
  static final int EMPTY_LIST = ']';
  static final int APPEND = 'a';
  static final int SETITEM = 's';
  static final int SETITEMS = 'u';
  static final int NONE = 'N';
  static final int NEWFALSE = 0x89;
  static final int MEMOIZE = 0x94;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private PickleBytes() {}

  /** A pickle that starts with {@code PROTO protocol}. */
  static PickleBytes protocol(int protocol) {
    return new PickleBytes().op(0x80).op(protocol);
  }

  /** Appends opcodes (or argument bytes) as they are. */
  PickleBytes op(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  /** {@code SHORT_BINUNICODE}: a str of at most 255 UTF-8 bytes. */
  PickleBytes string(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return op(0x8c, utf8.length).raw(utf8);
  }

  /** {@code BINUNICODE}: a str with a 4-byte length. */
  PickleBytes unicode(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return op('X').raw(lengthOf(utf8)).raw(utf8);
  }

  /** {@code BININT}: a signed 32-bit integer. */
  PickleBytes integer(int value) {
    return op('J').raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
  }

  /** {@code BINBYTES}: bytes with a 4-byte length. */
  PickleBytes bytes(byte[] data) {
    return op('B').raw(lengthOf(data)).raw(data);
  }

  /** {@code BINGET}: the memo entry {@code index} (0 to 255). */
  PickleBytes memo(int index) {
    return op('h', index);
  }

  /** {@code GLOBAL module name}. */
  PickleBytes global(String module, String name) {
    return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A one-dimensional {@code <f8} array of {@code length} elements as NumPy pickles it, with the
   * raw data written by {@code data} (for example {@code p -> p.bytes(...)} or {@code p ->
   * p.memo(0)}).
   */
  PickleBytes float64Array(int length, Consumer<PickleBytes> data) {
    return float64Array(p -> p.integer(length).op(TUPLE1), data);
  }

  /** A {@code <f8} array as NumPy pickles it, with its shape tuple written by {@code shape}. */
  PickleBytes float64Array(Consumer<PickleBytes> shape, Consumer<PickleBytes> data) {
    global("numpy.core.multiarray", "_reconstruct").global("numpy", "ndarray");
    op('K', 0, TUPLE1, 'C', 1, 'b', TUPLE3, REDUCE);
    op(MARK, 'K', 1);
    shape.accept(this);
    global("numpy", "dtype").string("f8").op('K', 0, 'K', 1, TUPLE3, REDUCE);
    op(MARK, 'K', 3).string("<").op(NONE, NONE, NONE).integer(-1).integer(-1).op('K', 0, TUPLE);
    op(BUILD, NEWFALSE);
    data.accept(this);
    return op(TUPLE, BUILD);
  }

  /**
   * A dict of {@code arrays} float64 arrays of {@code length} elements named {@code W0, W1, ...},
   * all of whose data is one byte string, written once and then fetched from the memo.
   */
  static byte[] arraysSharingOneByteString(int arrays, int length) {
    PickleBytes pickle = protocol(4).op(EMPTY_DICT, MARK);
    for (int i = 0; i < arrays; i++) {
      pickle.string("W" + i);
      if (i == 0) {
        pickle.float64Array(length, p -> p.bytes(new byte[8 * length]).op(MEMOIZE));
      } else {
        pickle.float64Array(length, p -> p.memo(0));
      }
    }
    return pickle.op(SETITEMS).stop();
  }

  /** The pickle so far, ended by {@code STOP}. */
  byte[] stop() {
    return op(STOP).out.toByteArray();
  }

  private PickleBytes raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  private static byte[] lengthOf(byte[] data) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array();
  }
}
