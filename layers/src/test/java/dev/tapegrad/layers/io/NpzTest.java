package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzTest {
  @TempDir Path dir;

  private static Map<String, Tensor> checkpoint() {
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Tensor> arrays = new LinkedHashMap<>();
    arrays.put("Affine1.W", Tensor.randn(random, 4, 3));
    arrays.put("Affine1.b", Tensor.zeros(3));
    arrays.put("adam/m/Affine1.W", Tensor.randn(random, 4, 3));
    arrays.put("step", Tensor.scalar(12));
    arrays.put("Conv1.W", Tensor.randn(random, 2, 1, 3, 3));
    arrays.put("empty", Tensor.zeros(0, 2));
    arrays.put("special", Tensor.vector(Double.NaN, -0.0, Double.NEGATIVE_INFINITY));
    return arrays;
  }

  @Test
  void roundTripKeepsNamesOrderShapesAndBits() throws IOException {
    Map<String, Tensor> written = checkpoint();
    Path file = dir.resolve("ckpt.npz");
    Npz.write(file, written);
    Map<String, Tensor> read = Npz.read(file);
    assertEquals(List.copyOf(written.keySet()), List.copyOf(read.keySet()));
    for (String name : written.keySet()) {
      assertArrayEquals(written.get(name).shape(), read.get(name).shape(), name);
      assertArrayEquals(bits(written.get(name)), bits(read.get(name)), name);
    }
  }

  @Test
  void equalCheckpointsAreEqualFiles() throws IOException {
    Npz.write(dir.resolve("a.npz"), checkpoint());
    Npz.write(dir.resolve("b.npz"), checkpoint());
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("a.npz")), Files.readAllBytes(dir.resolve("b.npz")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden_savez.npz", "golden_savez_compressed.npz"})
  void readsWhatNumpyWrites(String golden) throws IOException {
    Map<String, Tensor> arrays = Npz.read(Golden.file(golden));
    assertEquals(
        List.of(
            "w",
            "f32",
            "i64",
            "fortran",
            "fortran_f4",
            "scalar",
            "be_f8",
            "be_i4",
            "u1",
            "i1",
            "i2",
            "u2",
            "u4",
            "u8",
            "flags",
            "empty",
            "adam/m/Affine1.W"),
        List.copyOf(arrays.keySet()));
    assertArrayEquals(new int[] {2, 3}, arrays.get("w").shape());
    assertArrayEquals(
        bits(1.5, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300),
        bits(arrays.get("w")));
    assertValues(arrays, "f32", new int[] {3}, (double) 0.1f, -2.5, Float.MAX_VALUE);
    assertValues(arrays, "i64", new int[] {4}, -3, 0, 0x1p53, 7);
    assertValues(arrays, "fortran", new int[] {2, 3, 4}, Tensor.arange(24).data());
    assertValues(arrays, "fortran_f4", new int[] {2, 3}, 0, 0.5, 1, 1.5, 2, 2.5);
    assertValues(arrays, "scalar", new int[] {}, 3.25);
    assertValues(arrays, "be_f8", new int[] {2}, 1, -2);
    assertValues(arrays, "be_i4", new int[] {3}, 1, -2, 65536);
    assertValues(arrays, "u1", new int[] {3}, 0, 255, 128);
    assertValues(arrays, "i1", new int[] {2}, -128, 127);
    assertValues(arrays, "i2", new int[] {2}, -32768, 32767);
    assertValues(arrays, "u2", new int[] {1}, 65535);
    assertValues(arrays, "u4", new int[] {1}, 4294967295.0);
    assertValues(arrays, "u8", new int[] {2}, 0x1p63, 0x1p64 - 2048);
    assertValues(arrays, "flags", new int[] {3}, 1, 0, 1);
    assertValues(arrays, "empty", new int[] {0, 3});
    assertValues(arrays, "adam/m/Affine1.W", new int[] {2, 2}, 1, 2, 3, 4);
  }

  @Test
  void failedWriteLeavesTheOldCheckpointAndNoTempFile() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    Npz.write(file, checkpoint());
    byte[] before = Files.readAllBytes(file);
    Map<String, Tensor> failing = failingAfterFirstEntry(checkpoint());
    RuntimeException failure = assertThrows(RuntimeException.class, () -> Npz.write(file, failing));
    assertEquals("simulated failure after the first entry", failure.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(Set.of("ckpt.npz"), fileNames());
  }

  @Test
  void garbageIsNotAZip() throws IOException {
    Path file = dir.resolve("garbage.npz");
    byte[] garbage = new byte[500];
    new SplittableRandom(3).nextBytes(garbage);
    Files.write(file, garbage);
    assertTrue(rejection(file).startsWith(file + ": not a valid .npz (zip) archive"));
  }

  @Test
  void truncatedArchiveIsRejected() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    Npz.write(file, checkpoint());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertTrue(rejection(file).startsWith(file + ": not a valid .npz (zip) archive"));
  }

  @Test
  void flippedDataByteFailsTheCrc() throws IOException {
    Path file = dir.resolve("ckpt.npz");
    Npz.write(file, Map.of("W", Tensor.arange(10)));
    byte[] bytes = Files.readAllBytes(file);
    int magic = indexOf(bytes, "NUMPY".getBytes(StandardCharsets.ISO_8859_1)) - 1;
    bytes[magic + 128 + 5] ^= 0x10; // inside the data, after the 128-byte .npy header
    Files.write(file, bytes);
    String message = rejection(file);
    assertTrue(message.startsWith(file + ", entry 'W.npy': CRC mismatch"), message);
  }

  @Test
  void flippedMagicInAnEntryIsRejected() throws IOException {
    byte[] npy =
        NpyBytes.of("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", NpyBytes.float64(1));
    npy[2] = 'V';
    Path file = zip("a.npy", npy, ZipEntry.DEFLATED);
    assertTrue(rejection(file).startsWith(file + ", entry 'a.npy': not a .npy array: bad magic"));
  }

  @Test
  void entryHeaderLyingAboutTheShapeIsRejected() throws IOException {
    Path file =
        zip(
            "W.npy",
            NpyBytes.of(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }",
                NpyBytes.float64(1, 2, 3)),
            ZipEntry.DEFLATED);
    assertEquals(
        file
            + ", entry 'W.npy': header says shape (2,2) of <f8, which needs 32 bytes of data,"
            + " but 24 bytes are there",
        rejection(file));
  }

  @Test
  void anEntryIsNotInflatedPastItsDeclaredSize() throws IOException {
    byte[] header = NpyHeader.float64(new int[] {16});
    Path file = dir.resolve("bomb.npz");
    // 16 doubles declared twice over, then a GiB of zeros that inflate from 1 MB.
    Files.write(
        file,
        HostileFiles.zip("W.npy", HostileFiles.deflated(header, 1024), header.length + 16 * 8));
    assertEquals(
        file
            + ", entry 'W.npy': holds more than the "
            + (header.length + 128)
            + " bytes declared for it: corrupt data",
        rejection(file));
  }

  @Test
  void aHeaderDeclaringMoreThanTheEntryHoldsIsRejectedBeforeReading() throws IOException {
    byte[] header = NpyHeader.float64(new int[] {1_000_000});
    Path file = dir.resolve("liar.npz");
    // The archive says the entry is the header and 12 bytes; its data would inflate to a GiB.
    Files.write(
        file, HostileFiles.zip("W.npy", HostileFiles.deflated(header, 1024), header.length + 12));
    assertEquals(
        file
            + ", entry 'W.npy': header says shape (1000000,) of <f8, which needs 8000000 bytes of"
            + " data, but 12 bytes are there",
        rejection(file));
  }

  @Test
  void corruptCompressedDataIsRejected() throws IOException {
    Path file = zip("W.npy", new byte[4000], ZipEntry.DEFLATED);
    byte[] bytes = Files.readAllBytes(file);
    int data = indexOf(bytes, "W.npy".getBytes(StandardCharsets.ISO_8859_1)) + 5;
    for (int i = data; i < data + 12; i++) {
      bytes[i] = (byte) 0xFF;
    }
    Files.write(file, bytes);
    assertTrue(rejection(file).startsWith(file + ", entry 'W.npy': "));
  }

  @Test
  void entryThatIsNotAnArrayIsRejected() throws IOException {
    Path file = zip("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII), ZipEntry.DEFLATED);
    assertEquals(file + ", entry 'notes.txt': not a .npy array", rejection(file));
  }

  @Test
  void aNameWithALineBreakStaysOnOneLineInTheMessage() throws IOException {
    Path file = zip("W\n\u2028X.txt", new byte[1], ZipEntry.DEFLATED);
    assertEquals(file + ", entry 'W\\x0a\\u2028X.txt': not a .npy array", rejection(file));
  }

  @Test
  void duplicateNamesAreRejected() throws IOException {
    Path file = dir.resolve("dup.npz");
    Map<String, Tensor> arrays = new LinkedHashMap<>();
    arrays.put("a", Tensor.vector(1));
    arrays.put("b", Tensor.vector(2));
    Npz.write(file, arrays);
    // Rename entry b to a in the local and central headers (names are outside the CRC).
    byte[] bytes = Files.readAllBytes(file);
    byte[] from = "b.npy".getBytes(StandardCharsets.US_ASCII);
    for (int at = indexOf(bytes, from); at >= 0; at = indexOf(bytes, from)) {
      bytes[at] = 'a';
    }
    Files.write(file, bytes);
    assertEquals(file + ", entry 'a.npy': duplicate array name 'a'", rejection(file));
  }

  @Test
  void emptyNameIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Npz.write(dir.resolve("x.npz"), Map.of("", Tensor.vector(1))));
    assertEquals("npz: array names must not be empty", e.getMessage());
    assertEquals(Set.of(), fileNames());
  }

  private Path zip(String entryName, byte[] content, int method) throws IOException {
    Path file = dir.resolve("hand-made.npz");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setMethod(method);
      zip.putNextEntry(new ZipEntry(entryName));
      zip.write(content);
      zip.closeEntry();
    }
    return file;
  }

  /** A map that yields its first entry and then fails, like a writer that breaks midway. */
  private static Map<String, Tensor> failingAfterFirstEntry(Map<String, Tensor> arrays) {
    return new AbstractMap<>() {
      @Override
      public Set<Entry<String, Tensor>> entrySet() {
        return new java.util.AbstractSet<>() {
          @Override
          public Iterator<Entry<String, Tensor>> iterator() {
            Iterator<Entry<String, Tensor>> inner = arrays.entrySet().iterator();
            return new Iterator<>() {
              private int served;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public Entry<String, Tensor> next() {
                if (served++ == 1) {
                  throw new IllegalStateException("simulated failure after the first entry");
                }
                return inner.next();
              }
            };
          }

          @Override
          public int size() {
            return arrays.size();
          }
        };
      }
    };
  }

  private Set<String> fileNames() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rejection(Path file) {
    return assertThrows(CheckpointFormatException.class, () -> Npz.read(file)).getMessage();
  }

  private static void assertValues(
      Map<String, Tensor> arrays, String name, int[] shape, double... values) {
    assertArrayEquals(shape, arrays.get(name).shape(), name);
    assertArrayEquals(values, arrays.get(name).data(), name);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long[] bits(Tensor t) {
    return bits(t.data());
  }

  private static long[] bits(double... values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
