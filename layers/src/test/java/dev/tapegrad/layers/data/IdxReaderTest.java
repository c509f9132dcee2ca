package dev.tapegrad.layers.data;

import static dev.tapegrad.layers.data.IdxFiles.bytes;
import static dev.tapegrad.layers.data.IdxFiles.gzip;
import static dev.tapegrad.layers.data.IdxFiles.unsignedBytes;
import static dev.tapegrad.layers.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.layers.io.HostileFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
  @TempDir Path dir;

  /** 2 images of 2x3 pixels, values chosen to include bytes above 127. */
  private static final byte[] PIXELS = bytes(0, 1, 127, 128, 200, 255, 9, 8, 7, 6, 5, 4);

  @ParameterizedTest(name = "gzipped={0}")
  @ValueSource(booleans = {false, true})
  void readsImagesWithTheirDimensionsAndUnsignedValues(boolean gzipped) throws IOException {
    Path file = write(dir, "images", unsignedBytes(new int[] {2, 2, 3}, PIXELS), gzipped);

    IdxArray images = IdxReader.read(file, 3);

    assertArrayEquals(new int[] {2, 2, 3}, images.dimensions());
    assertEquals(3, images.rank());
    assertEquals(2, images.count());
    assertEquals(12, images.size());
    assertEquals(file.toString(), images.source());
    assertEquals(128, images.unsignedByte(3));
    assertEquals(255, images.unsignedByte(5));
    assertArrayEquals(new int[] {0, 1, 127, 128, 200, 255, 9, 8, 7, 6, 5, 4}, images.toInts());
    assertEquals(200 / 255.0, images.toDoubles(255.0)[4]);
    assertArrayEquals(new int[] {2, 2, 3}, images.toTensor().shape());
    assertEquals(255.0, images.toTensor().get(0, 1, 2));
  }

  @ParameterizedTest(name = "gzipped={0}")
  @ValueSource(booleans = {false, true})
  void readsLabels(boolean gzipped) throws IOException {
    Path file = write(dir, "labels", unsignedBytes(new int[] {4}, bytes(7, 0, 9, 3)), gzipped);

    IdxArray labels = IdxReader.read(file, 1);

    assertArrayEquals(new int[] {4}, labels.dimensions());
    assertArrayEquals(new int[] {7, 0, 9, 3}, labels.toInts());
  }

  @Test
  void recognisesGzipByItsMagicBytesNotByTheName() throws IOException {
    byte[] content = unsignedBytes(new int[] {3}, bytes(1, 2, 3));
    Path gzippedWithoutSuffix = write(dir, "labels-idx1-ubyte", content, true);
    Path rawWithGzSuffix = write(dir, "labels-idx1-ubyte.gz", content, false);

    assertArrayEquals(new int[] {1, 2, 3}, IdxReader.read(gzippedWithoutSuffix).toInts());
    assertArrayEquals(new int[] {1, 2, 3}, IdxReader.read(rawWithGzSuffix).toInts());
  }

  @Test
  void readsAnyRankWhenNoneIsExpected() throws IOException {
    Path file = write(dir, "cube", unsignedBytes(new int[] {1, 2, 1, 2}, bytes(1, 2, 3, 4)), false);

    assertArrayEquals(new int[] {1, 2, 1, 2}, IdxReader.read(file).dimensions());
  }

  @Test
  void readsAStreamAndNamesItsSourceInErrors() throws IOException {
    byte[] content = gzip(unsignedBytes(new int[] {2}, bytes(5, 6)));
    IdxArray labels = IdxReader.read(new ByteArrayInputStream(content), "memory:labels", 1);
    assertArrayEquals(new int[] {5, 6}, labels.toInts());

    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.read(new ByteArrayInputStream(bytes(1, 2, 3, 4)), "memory:broken"));
    assertTrue(
        e.getMessage().startsWith("memory:broken: bad magic number 0x01020304"), e.getMessage());
  }

  @Test
  void acceptsAnEmptyDataset() throws IOException {
    Path file = write(dir, "none", unsignedBytes(new int[] {0, 28, 28}, new byte[0]), true);

    assertEquals(0, IdxReader.read(file, 3).count());
  }

  // ------------------------------------------------------------------ corrupt files

  @ParameterizedTest(name = "gzipped={0}")
  @ValueSource(booleans = {false, true})
  void rejectsABadMagicNumber(boolean gzipped) throws IOException {
    byte[] content = unsignedBytes(new int[] {2}, bytes(1, 2));
    content[0] = 0x12;
    content[1] = 0x34;
    Path file = write(dir, "labels", content, gzipped);

    assertRejected(
        file, 1, "bad magic number 0x12340801: an IDX magic number starts with two zero bytes");
  }

  @Test
  void rejectsADoublyGzippedFileByItsMagicNumber() throws IOException {
    Path file = write(dir, "labels", gzip(unsignedBytes(new int[] {1}, bytes(1))), true);

    assertRejected(file, 1, "bad magic number 0x1F8B0800");
  }

  @Test
  void rejectsDataTypesOtherThanUnsignedByte() throws IOException {
    Path file = write(dir, "floats", IdxFiles.idx(0x0D, new int[] {1}, bytes(0, 0, 0, 0)), false);

    assertRejected(
        file,
        1,
        "magic number 0x00000D01 declares data type 0x0D (float); only 0x08 (unsigned byte) is"
            + " supported");
  }

  @ParameterizedTest(name = "gzipped={0}")
  @ValueSource(booleans = {false, true})
  void rejectsTheWrongDimensionCount(boolean gzipped) throws IOException {
    Path labels = write(dir, "labels", unsignedBytes(new int[] {2}, bytes(1, 2)), gzipped);
    Path images = write(dir, "images", unsignedBytes(new int[] {1, 1, 1}, bytes(1)), gzipped);

    assertRejected(
        labels,
        3,
        "magic number 0x00000801 declares 1 dimension(s), expected 3 (magic number 0x00000803)");
    assertRejected(
        images,
        1,
        "magic number 0x00000803 declares 3 dimension(s), expected 1 (magic number 0x00000801)");
  }

  @Test
  void rejectsZeroDimensions() throws IOException {
    Path file = write(dir, "scalar", unsignedBytes(new int[0], bytes(1)), false);

    assertRejected(file, 0, "magic number 0x00000800 declares 0 dimensions");
  }

  @Test
  void rejectsAFileTooShortForTheMagicNumber() throws IOException {
    Path empty = Files.write(dir.resolve("empty"), new byte[0]);
    Path tiny = Files.write(dir.resolve("tiny"), bytes(0, 0, 8));

    assertRejected(empty, 1, "only 0 bytes, too short for the 4-byte IDX magic number");
    assertRejected(tiny, 1, "only 3 bytes, too short for the 4-byte IDX magic number");
  }

  @Test
  void rejectsATruncatedHeader() throws IOException {
    byte[] content = unsignedBytes(new int[] {2, 28, 28}, new byte[0]);
    Path file = Files.write(dir.resolve("images"), Arrays.copyOf(content, 10));

    assertRejected(file, 3, "header is truncated: 3 dimension sizes need 12 bytes, found 6");
  }

  @Test
  void rejectsANegativeDimension() throws IOException {
    Path file = write(dir, "images", unsignedBytes(new int[] {2, -28, 28}, new byte[0]), false);

    assertRejected(file, 3, "dimension 1 has negative size -28");
  }

  @Test
  void rejectsDimensionsTooLargeForOneArray() throws IOException {
    Path file =
        write(dir, "images", unsignedBytes(new int[] {70000, 28000, 28}, new byte[0]), false);

    assertRejected(file, 3, "dimensions (70000,28000,28) hold more bytes than one array can");
  }

  @ParameterizedTest(name = "gzipped={0}")
  @ValueSource(booleans = {false, true})
  void rejectsTruncatedDataSayingExpectedAndActualBytes(boolean gzipped) throws IOException {
    byte[] content = unsignedBytes(new int[] {2, 2, 3}, PIXELS);
    Path file = write(dir, "images", Arrays.copyOf(content, content.length - 5), gzipped);

    assertRejected(file, 3, "truncated: dimensions (2,2,3) need 12 data bytes, found 7");
  }

  @Test
  void rejectsADatasetThatClaimsMoreImagesThanTheFileHolds() throws IOException {
    Path file = write(dir, "images", unsignedBytes(new int[] {60000, 28, 28}, new byte[784]), true);

    assertRejected(
        file, 3, "truncated: dimensions (60000,28,28) need 47040000 data bytes, found 784");
  }

  @ParameterizedTest(name = "gzipped={0}")
  @ValueSource(booleans = {false, true})
  void rejectsTrailingBytes(boolean gzipped) throws IOException {
    byte[] content = unsignedBytes(new int[] {2, 2, 3}, PIXELS);
    Path file = write(dir, "images", Arrays.copyOf(content, content.length + 3), gzipped);

    assertRejected(
        file, 3, "3 unexpected trailing bytes after the 12 data bytes of dimensions (2,2,3)");
  }

  @Test
  void stopsInflatingAGzipStreamThatGoesOnPastItsHeader() throws IOException {
    // One 28x28 image declared, then a GiB of zeros that inflate from 1 MB.
    byte[] header = unsignedBytes(new int[] {1, 28, 28}, new byte[0]);
    Path file =
        Files.write(dir.resolve("bomb.gz"), HostileFiles.gzip(HostileFiles.deflated(header, 1024)));

    assertRejected(
        file,
        3,
        "more than 65536 unexpected trailing bytes after the 784 data bytes of dimensions"
            + " (1,28,28)");
  }

  @Test
  void countsTrailingBytesOnlyUpToALimit() throws IOException {
    byte[] content = unsignedBytes(new int[] {2, 2, 3}, PIXELS);
    Path file = write(dir, "images", Arrays.copyOf(content, content.length + 100_000), false);

    assertRejected(
        file,
        3,
        "more than 65536 unexpected trailing bytes after the 12 data bytes of dimensions (2,2,3)");
  }

  @ParameterizedTest(name = "gzipped={0}")
  @ValueSource(booleans = {false, true})
  void readsDimensionsOfSizeZero(boolean gzipped) throws IOException {
    Path file = write(dir, "none", unsignedBytes(new int[] {3, 0, 28}, new byte[0]), gzipped);

    IdxArray empty = IdxReader.read(file, 3);

    assertArrayEquals(new int[] {3, 0, 28}, empty.dimensions());
    assertEquals(0, empty.size());
  }

  @Test
  void rejectsATruncatedGzipStream() throws IOException {
    byte[] compressed = gzip(unsignedBytes(new int[] {2, 2, 3}, PIXELS));
    Path file =
        Files.write(dir.resolve("images.gz"), Arrays.copyOf(compressed, compressed.length - 12));

    assertRejected(file, 3, "gzip data is corrupt or truncated");
  }

  @Test
  void rejectsAGzipStreamWithABadChecksum() throws IOException {
    byte[] compressed = gzip(unsignedBytes(new int[] {2, 2, 3}, PIXELS));
    compressed[compressed.length - 8] ^= 0x5a; // first byte of the CRC-32 in the gzip trailer
    Path file = Files.write(dir.resolve("images.gz"), compressed);

    assertRejected(file, 3, "gzip data is corrupt or truncated (Corrupt GZIP trailer)");
  }

  @Test
  void reportsAMissingFileByName() {
    Path missing = dir.resolve("no-such-file");

    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxReader.read(missing));
    assertEquals(missing.toString(), e.getFile());
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void refusesAnImpossibleExpectedRank() {
    assertThrows(IllegalArgumentException.class, () -> IdxReader.read(dir.resolve("x"), 0));
    assertThrows(IllegalArgumentException.class, () -> IdxReader.read(dir.resolve("x"), 256));
  }

  /**
   * Reading {@code file} (with {@code rank} dimensions, or any for 0) fails naming it and {@code
   * problem}.
   */
  private static void assertRejected(Path file, int rank, String problem) {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> {
              if (rank == 0) {
                IdxReader.read(file);
              } else {
                IdxReader.read(file, rank);
              }
            });
    assertEquals(file.toString(), e.source());
    assertTrue(e.problem().startsWith(problem), () -> "problem was: " + e.problem());
    assertEquals(file + ": " + e.problem(), e.getMessage());
  }
}
