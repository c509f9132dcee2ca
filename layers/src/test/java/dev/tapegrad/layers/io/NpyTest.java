package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {
  @TempDir Path dir;

  static Stream<int[]> shapes() {
    return Stream.of(
        new int[] {},
        new int[] {1},
        new int[] {7},
        new int[] {3, 4},
        new int[] {2, 3, 4, 5},
        new int[] {0},
        new int[] {0, 3},
        new int[] {2, 0, 4},
        new int[] {1, 1, 1, 1, 1, 1});
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void roundTripKeepsShapeAndEveryBit(int[] shape) throws IOException {
    Tensor original = Tensor.randn(new SplittableRandom(Arrays.hashCode(shape)), shape);
    Path file = dir.resolve("t.npy");
    Npy.write(file, original);
    Tensor back = Npy.read(file);
    assertArrayEquals(shape, back.shape());
    assertArrayEquals(bits(original.data()), bits(back.data()));
  }

  @Test
  void specialValuesSurviveBitForBit() throws IOException {
    double[] special = {
      Double.NaN,
      Double.longBitsToDouble(0x7ff8000000000123L),
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      -0.0,
      0.0,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      -Double.MIN_NORMAL
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, Tensor.vector(special));
    Tensor back = read(out.toByteArray());
    assertArrayEquals(bits(special), bits(back.data()));
  }

  static Stream<Arguments> numpySaveFiles() {
    return Stream.of(
        Arguments.of("np_save_2x3.npy", Tensor.arange(6).div(4).reshape(2, 3)),
        Arguments.of("np_save_scalar.npy", Tensor.scalar(-7.5)),
        Arguments.of("np_save_vector.npy", Tensor.vector(1, 2, 3)),
        Arguments.of("np_save_4d.npy", Tensor.arange(120).reshape(2, 3, 4, 5)),
        Arguments.of("np_save_empty.npy", Tensor.zeros(0, 5)));
  }

  @ParameterizedTest
  @MethodSource("numpySaveFiles")
  void writesTheSameBytesAsNumpySave(String golden, Tensor tensor) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, tensor);
    assertArrayEquals(Files.readAllBytes(Golden.file(golden)), out.toByteArray());
    assertEquals(0, (out.size() - 8 * tensor.size()) % 64, "data starts 64-byte aligned");
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden_v2.npy", "golden_v3.npy"})
  void readsVersions2And3InFortranOrder(String golden) throws IOException {
    Tensor t = Npy.read(Golden.file(golden));
    assertArrayEquals(new int[] {2, 3}, t.shape());
    assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5}, t.data());
  }

  @Test
  void readsBigEndianInt64() throws IOException {
    Tensor t = Npy.read(Golden.file("golden_be_i8.npy"));
    assertArrayEquals(new int[] {2, 2}, t.shape());
    assertArrayEquals(new double[] {-1, 2, 3, -4}, t.data());
  }

  @Test
  void fortranOrderIsTransposedToRowMajor() throws IOException {
    // Column-major (2,3): the stored order is a00 a10 a01 a11 a02 a12.
    byte[] npy =
        NpyBytes.of(
            "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
            NpyBytes.float64(0, 10, 1, 11, 2, 12));
    assertArrayEquals(new double[] {0, 1, 2, 10, 11, 12}, read(npy).data());
  }

  @Test
  void readsPython2HeaderWithLongSuffixes() throws IOException {
    byte[] npy =
        NpyBytes.of(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 1L), }",
            NpyBytes.float64(4, 5));
    assertArrayEquals(new int[] {2, 1}, read(npy).shape());
  }

  static Stream<Integer> cutPoints() {
    return Stream.of(0, 3, 6, 7, 9, 40, 127, 128, 129, 200, 223);
  }

  @ParameterizedTest
  @MethodSource("cutPoints")
  void truncatedFileIsRejected(int length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, Tensor.arange(12).reshape(3, 4)); // 128-byte header + 96 bytes of data
    assertEquals(224, out.size());
    byte[] cut = Arrays.copyOf(out.toByteArray(), length);
    String message = rejection(cut);
    if (length < 128) {
      assertTrue(message.contains("truncated"), message);
    } else {
      assertTrue(
          message.contains(
              "shape (3,4) of <f8, which needs 96 bytes of data, but "
                  + (length - 128)
                  + " bytes are there"),
          message);
    }
  }

  @Test
  void flippedMagicIsRejected() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, Tensor.vector(1, 2));
    byte[] bytes = out.toByteArray();
    bytes[1] = 'X';
    assertEquals(
        "x.npy: not a .npy array: bad magic 93 58 55 4D 50 59, expected 93 4E 55 4D 50 59",
        rejection(bytes));
  }

  @Test
  void headerLyingAboutTheShapeIsRejected() {
    String tooLittleData =
        rejection(
            NpyBytes.of(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }",
                NpyBytes.float64(new double[11])));
    assertTrue(
        tooLittleData.contains("needs 96 bytes of data, but 88 bytes are there"), tooLittleData);
    String tooMuchData =
        rejection(
            NpyBytes.of(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
                NpyBytes.float64(1, 2, 3)));
    assertTrue(tooMuchData.contains("needs 16 bytes of data, but 24 bytes are there"), tooMuchData);
  }

  @Test
  void hugeShapeIsRejectedWithoutAllocating() {
    String message =
        rejection(
            NpyBytes.of(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }",
                NpyBytes.float64(1)));
    assertTrue(message.contains("(100000,100000) is too large for a tensor"), message);
  }

  @Test
  void aFileIsCheckedAgainstItsHeaderBeforeItsDataIsRead() throws IOException {
    Path file = dir.resolve("short.npy");
    Files.write(
        file,
        NpyBytes.of(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000,), }",
            NpyBytes.float64(1)));
    String message =
        assertThrows(CheckpointFormatException.class, () -> Npy.read(file)).getMessage();
    assertEquals(
        file
            + ": header says shape (1000000,) of <f8, which needs 8000000 bytes of data, but 8"
            + " bytes are there",
        message);
  }

  @Test
  void aHeaderNestedThousandsDeepIsRejectedAtTheLimit() {
    String message = rejection(NpyBytes.of(NpyBytes.headerWithDescrNested(4900), new byte[0]));
    assertTrue(
        message.startsWith(
            "x.npy: malformed header: containers nested more than 64 levels deep at offset 73"),
        message);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void garbageIsRejectedWithAFormatError(int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] garbage = new byte[64 + random.nextInt(200)];
    random.nextBytes(garbage);
    assertTrue(rejection(garbage).contains("bad magic"));
    // Garbage behind a valid magic and version must fail as cleanly.
    System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, 0, garbage, 0, 8);
    assertTrue(rejection(garbage).startsWith("x.npy: "));
  }

  static Stream<Arguments> badHeaders() {
    return Stream.of(
        Arguments.of(
            "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }",
            "unsupported dtype '<c16'"),
        Arguments.of(
            "{'descr': '<f2', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype '<f2'"),
        Arguments.of(
            "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype '|O'"),
        Arguments.of(
            "{'descr': '|f8', 'fortran_order': False, 'shape': (1,), }",
            "a 8-byte type needs '<' or '>'"),
        Arguments.of(
            "{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }",
            "structured dtype [[x, <f8]] is not supported"),
        Arguments.of(
            "{'descr': '<f8', 'shape': (1,), }", "exactly the keys descr, fortran_order and shape"),
        Arguments.of(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}",
            "exactly the keys descr, fortran_order and shape"),
        Arguments.of(
            "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }",
            "fortran_order must be True or False, found 0"),
        Arguments.of(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }",
            "dimension 0 of the shape is -1"),
        Arguments.of(
            "{'descr': '<f8', 'fortran_order': False, 'shape': ('a',), }",
            "shape must be a tuple of integers, found [a]"),
        Arguments.of(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,) ",
            "malformed header: expected '}'"),
        Arguments.of("__import__('os')", "malformed header: unexpected character '_'"));
  }

  @ParameterizedTest
  @MethodSource("badHeaders")
  void badHeaderIsRejectedWithTheReason(String header, String reason) {
    String message = rejection(NpyBytes.of(header, NpyBytes.float64(1)));
    assertTrue(message.startsWith("x.npy: ") && message.contains(reason), message);
  }

  @Test
  void unsupportedVersionIsRejected() {
    byte[] npy =
        NpyBytes.of("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", NpyBytes.float64(1));
    npy[6] = 4;
    assertEquals("x.npy: unsupported .npy format version 4.0", rejection(npy));
  }

  @Test
  void int64BeyondFloat64PrecisionIsRejectedNotRounded() throws IOException {
    String header = "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }";
    long limit = 1L << 53;
    Tensor exact = read(NpyBytes.of(header, NpyBytes.int64(limit, -limit, Long.MIN_VALUE)));
    assertArrayEquals(new double[] {0x1p53, -0x1p53, -0x1p63}, exact.data());
    String message = rejection(NpyBytes.of(header, NpyBytes.int64(1, limit + 1, 2)));
    assertTrue(
        message.contains(
            "<i8 value 9007199254740993 (element 1 in file order) has no exact float64"),
        message);
    assertTrue(
        rejection(NpyBytes.of(header, NpyBytes.int64(Long.MAX_VALUE, 0, 0)))
            .contains("value 9223372036854775807"));
  }

  private static Tensor read(byte[] npy) throws IOException {
    return Npy.read(new ByteArrayInputStream(npy), "x.npy");
  }

  private static String rejection(byte[] npy) {
    return assertThrows(CheckpointFormatException.class, () -> read(npy)).getMessage();
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
