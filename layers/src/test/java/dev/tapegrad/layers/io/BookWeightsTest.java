package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
  })
  void lengthFieldBeyondTheEndIsRejectedBeforeAllocating(String hex, String claimed)
      throws IOException {
    Path file = dir.resolve("long.pkl");
    Files.write(file, HexFormat.ofDelimiter(" ").parseHex(hex));
    String message = rejection(file);
    assertTrue(message.contains("a value claims " + claimed + " bytes but only"), message);
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
