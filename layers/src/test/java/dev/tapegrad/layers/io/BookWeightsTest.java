package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pickle reader on small pickles written by NumPy (see generate_golden.py). */
class BookWeightsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5})
  void readsDictOfArraysInEveryProtocol(int protocol) throws IOException {
    Map<String, Tensor> weights = BookWeights.load(Golden.file("weights_p" + protocol + ".pkl"));
    assertEquals(List.of("b", "W", "n"), List.copyOf(weights.keySet()));
    assertArrayEquals(new int[] {3}, weights.get("b").shape());
    assertArrayEquals(new double[] {0.5, -1.25, 3.0}, weights.get("b").data());
    // float32, Fortran order in the pickle.
    assertArrayEquals(new int[] {2, 3}, weights.get("W").shape());
    assertArrayEquals(new double[] {0.125, 0.25, 0.375, 0.5, 0.625, 0.75}, weights.get("W").data());
    assertArrayEquals(new double[] {-5, 0x1p40}, weights.get("n").data());
  }

  @Test
  void readsOrderedDictAndNumpyScalars() throws IOException {
    Map<String, Tensor> weights = BookWeights.load(Golden.file("ordered_scalar.pkl"));
    assertEquals(List.of("lr", "v"), List.copyOf(weights.keySet()));
    assertArrayEquals(new int[] {}, weights.get("lr").shape());
    assertEquals(0.01, weights.get("lr").item());
    assertArrayEquals(new double[] {2.0}, weights.get("v").data());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bad_list.pkl|expected a dict of NumPy arrays, found list",
        "bad_value.pkl|'lr' is a float, not a NumPy array",
        "bad_key.pkl|expected string keys, found the key 1 (int)",
        "bad_object_array.pkl|array 'W': unsupported dtype '|O8'",
        "bad_structured.pkl|array 'W': structured or sub-array dtype 'V12' is not supported",
        "bad_complex.pkl|array 'W': unsupported dtype '<c16'",
        "bad_object.pkl|cannot rebuild a types.SimpleNamespace object",
      })
  void rejectsWhatIsNotADictOfNumericArrays(String golden, String reason) {
    Path file = Golden.file(golden);
    String message = rejection(file);
    assertTrue(message.startsWith(file.toString()) && message.contains(reason), message);
  }

  @Test
  void truncatedPickleIsRejected() throws IOException {
    byte[] bytes = Files.readAllBytes(Golden.file("weights_p4.pkl"));
    for (int length : new int[] {0, 1, 30, bytes.length / 2, bytes.length - 1}) {
      Path file = dir.resolve("cut" + length + ".pkl");
      Files.write(file, Arrays.copyOf(bytes, length));
      String message = rejection(file);
      assertTrue(message.startsWith(file + ": not a readable pickle of NumPy arrays"), message);
    }
  }

  @ParameterizedTest
  @CsvSource({
    // PROTO 3, BINBYTES claiming 2^31-1 bytes, 3 bytes, STOP
    "80 03 42 FF FF FF 7F 01 02 03 2E, 2147483647",
    // PROTO 4, BINUNICODE claiming 4 GiB - 1
    "80 04 58 FF FF FF FF 61 62 2E, 4294967295",
    // PROTO 4, BINBYTES8 claiming 2^62 bytes
    "80 04 8E 00 00 00 00 00 00 00 40 01 2E, 4611686018427387904",
    // PROTO 5, BYTEARRAY8 with a negative 64-bit length
    "80 05 96 00 00 00 00 00 00 00 80 01 2E, 9223372036854775808",
    // PROTO 2, LONG4: an integer of 2 GiB - 1 bytes
    "80 02 8B FF FF FF 7F 00 00 00 00 00 00 00 00 2E, 2147483647",
    // PROTO 2, BINSTRING claiming 16 bytes
    "80 02 54 10 00 00 00 61 2E, 16",
    // PROTO 4, FRAME claiming 2^40 bytes
    "80 04 95 00 00 00 00 00 01 00 00 4E 2E, 1099511627776",
    // PROTO 3, SHORT_BINBYTES claiming 200 bytes
    "80 03 43 C8 61 62 2E, 200",
    // PROTO 2, LONG1 claiming 9 bytes
    "80 02 8A 09 01 2E, 9",
  })
  void lengthFieldBeyondTheEndIsRejectedBeforeAllocating(String hex, String claimed)
      throws IOException {
    Path file = dir.resolve("long.pkl");
    Files.write(file, HexFormat.ofDelimiter(" ").parseHex(hex));
    String message = rejection(file);
    assertTrue(message.contains("a value claims " + claimed + " bytes but only"), message);
  }

  @Test
  void aLengthFieldCutShortIsRejected() throws IOException {
    Path file = dir.resolve("cut.pkl");
    Files.write(file, HexFormat.ofDelimiter(" ").parseHex("80 04 8E 00 00"));
    assertTrue(rejection(file).endsWith("truncated pickle: it ends inside a length field"));
  }

  @Test
  void arraysSharingOneByteStringAreRejectedBeforeAnyIsConverted() throws IOException {
    Path file = dir.resolve("shared.pkl");
    Files.write(file, PickleBytes.arraysSharingOneByteString(50, 1024));
    long size = Files.size(file);
    assertEquals(
        file
            + ": its 50 arrays hold 409,600 bytes of data, more than the whole "
            + String.format(Locale.ROOT, "%,d", size)
            + "-byte file: a pickle carries each array's bytes once, so these share their data"
            + " (pickle memo)",
        rejection(file));
  }

  @Test
  void protocol2TextSharedByManyArraysCountsForEachArray() throws IOException {
    String zeros = "\0".repeat(8 * 256);
    PickleBytes pickle = PickleBytes.protocol(2).op(PickleBytes.EMPTY_DICT, PickleBytes.MARK);
    for (int i = 0; i < 20; i++) {
      int index = i;
      pickle
          .string("W" + i)
          .float64Array(
              256,
              p -> {
                p.global("_codecs", "encode");
                if (index == 0) {
                  p.unicode(zeros).op(PickleBytes.MEMOIZE);
                } else {
                  p.memo(0);
                }
                p.string("latin1").op(0x86, PickleBytes.REDUCE);
              });
    }
    Path file = dir.resolve("shared-text.pkl");
    Files.write(file, pickle.op(PickleBytes.SETITEMS).stop());
    assertTrue(rejection(file).contains("its 20 arrays hold 40,960 bytes of data"));
  }

  @Test
  void theSameArrayUnderTwoNamesIsOneTensor() throws IOException {
    byte[] data = NpyBytes.float64(1.5, -2);
    Path file = dir.resolve("alias.pkl");
    Files.write(
        file,
        PickleBytes.protocol(4)
            .op(PickleBytes.EMPTY_DICT, PickleBytes.MARK)
            .string("a")
            .float64Array(2, p -> p.bytes(data))
            .op(PickleBytes.MEMOIZE)
            .string("b")
            .memo(0)
            .op(PickleBytes.SETITEMS)
            .stop());
    Map<String, Tensor> weights = BookWeights.load(file);
    assertArrayEquals(new double[] {1.5, -2}, weights.get("a").data());
    assertSame(weights.get("a"), weights.get("b"));
  }

  @Test
  void textThatIsNotBytesIsRejectedAsArrayData() throws IOException {
    PickleBytes pickle = PickleBytes.protocol(2).op(PickleBytes.EMPTY_DICT).string("W");
    pickle.float64Array(
        1,
        p ->
            p.global("_codecs", "encode")
                .unicode("\u0100".repeat(8))
                .string("latin1")
                .op(0x86, PickleBytes.REDUCE));
    Path file = dir.resolve("wide.pkl");
    Files.write(file, pickle.op(PickleBytes.SETITEM).stop());
    assertEquals(
        file + ", array 'W': raw data holds the character U+0100, which is not a byte",
        rejection(file));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // {[L]: None} where the list L contains itself
        "80 02 7D 5D 71 00 68 00 61 4E 73 2E|unhashable dict key of type list",
        // {{}: None} via DICT
        "80 02 28 7D 4E 64 2E|unhashable dict key of type dict",
        // a set holding a list that contains itself
        "80 04 8F 28 5D 94 68 00 61 90 2E|unhashable set element of type list",
        // frozenset of a list
        "80 04 28 5D 91 2E|unhashable set element of type list",
        // {(1, [ ]): None}: a tuple holding a list
        "80 02 7D 4B 01 5D 86 4E 73 2E|unhashable dict key of type list",
      })
  void unhashableKeysAreRejected(String hex, String reason) throws IOException {
    Path file = dir.resolve("key.pkl");
    Files.write(file, HexFormat.ofDelimiter(" ").parseHex(hex));
    assertEquals(file + ": not a readable pickle of NumPy arrays: " + reason, rejection(file));
  }

  @Test
  void tupleKeysNestedTooDeeplyAreRejected() throws IOException {
    PickleBytes pickle = PickleBytes.protocol(2).op(PickleBytes.EMPTY_DICT).op(PickleBytes.NONE);
    for (int i = 0; i < 100_000; i++) {
      pickle.op(PickleBytes.TUPLE1);
    }
    Path file = dir.resolve("deep.pkl");
    Files.write(file, pickle.op(PickleBytes.NONE, PickleBytes.SETITEM).stop());
    assertTrue(rejection(file).endsWith("dict key with tuples nested more than 64 levels deep"));
  }

  @Test
  void aListContainingItselfIsNamedBoundedlyInMessages() throws IOException {
    // An array whose shape tuple holds a list that contains itself.
    PickleBytes pickle = PickleBytes.protocol(2).op(PickleBytes.EMPTY_DICT).string("W");
    pickle.float64Array(
        p -> p.op(PickleBytes.EMPTY_LIST, 'q', 0, 'h', 0, PickleBytes.APPEND, PickleBytes.TUPLE1),
        p -> p.bytes(new byte[8]));
    pickle.op(PickleBytes.SETITEM);
    Path file = dir.resolve("self.pkl");
    Files.write(file, pickle.stop());
    String message = rejection(file);
    assertTrue(message.contains("numpy array shape holds [[[[[[[[[["), message);
    assertTrue(message.length() < file.toString().length() + 200, message);
  }

  @Test
  void aHugeDecimalIntegerIsRejected() throws IOException {
    Path file = dir.resolve("digits.pkl");
    Files.writeString(file, "L" + "9".repeat(100_000) + "L\n.", StandardCharsets.US_ASCII);
    assertTrue(rejection(file).endsWith("an integer of 100000 characters exceeds 4300 digits"));
  }

  @Test
  void onlyNumpyCallablesCanBeReached() throws IOException {
    // builtins.set([1]) would be razorvine's SetConstructor; here it is an unknown class.
    Path file = dir.resolve("set.pkl");
    Files.write(
        file,
        PickleBytes.protocol(2)
            .global("builtins", "set")
            .op(PickleBytes.EMPTY_LIST, 'K', 1, PickleBytes.APPEND, PickleBytes.TUPLE1)
            .op(PickleBytes.REDUCE)
            .stop());
    assertTrue(rejection(file).contains("expected zero arguments for construction of ClassDict"));
  }

  @Test
  void aLongLowLevelMessageIsCutToOneShortLine() throws IOException {
    Path file = dir.resolve("int.pkl");
    Files.writeString(file, "I" + "x".repeat(100_000) + "\n.", StandardCharsets.US_ASCII);
    String message = rejection(file);
    assertTrue(message.startsWith(file + ": not a readable pickle of NumPy arrays: "), message);
    assertTrue(message.endsWith("..."), message);
    assertTrue(message.length() < file.toString().length() + 260, message);
  }

  @Test
  void notAPickleIsRejected() throws IOException {
    Path file = dir.resolve("text.pkl");
    Files.writeString(file, "W1 = [1, 2, 3]\n");
    assertTrue(rejection(file).startsWith(file + ": not a readable pickle of NumPy arrays"));
  }

  private static String rejection(Path file) {
    return assertThrows(CheckpointFormatException.class, () -> BookWeights.load(file)).getMessage();
  }
}
