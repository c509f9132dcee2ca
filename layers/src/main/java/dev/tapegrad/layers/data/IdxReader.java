package dev.tapegrad.layers.data;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.layers.io.FileProblem;
import dev.tapegrad.layers.io.HeapLimit;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, the format MNIST and Fashion-MNIST ship in, gzipped or raw.
 *
 * <p>Gzip is recognised by its magic bytes {@code 1f 8b}, not by the file name. The header is
 * checked (two zero bytes, data type {@code 0x08}, the dimension count, non-negative sizes), and
 * the data must be exactly as long as the product of the dimensions: a truncated file, extra bytes
 * after the data and corrupt gzip data are each rejected with an {@link IdxFormatException} that
 * names the file and the problem. Zero images, or dimensions of size zero, are a valid empty file.
 *
 * <p>Nothing is allocated for data the file does not hold: the data is read as it comes, never into
 * a buffer sized from the header alone, and dimensions whose data could never fit in this JVM's
 * heap are rejected at once (see {@link HeapLimit}). Extra data after what the header declares is
 * rejected, but read only up to {@value #TRAILING_BYTES_COUNTED} bytes to say how much there is: a
 * small gzip file that would inflate to gigabytes past its data is not inflated further. File
 * errors are reported as {@link FileProblem#explained}.
 */
public final class IdxReader {
  /** Any dimension count from 1 to 255 is accepted. */
  private static final int ANY_RANK = -1;

  private static final int UNSIGNED_BYTE = 0x08;
  private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
  private static final int BUFFER_SIZE = 1 << 16;

  /** Trailing bytes beyond this many are reported as "more than" it, without reading on. */
  static final int TRAILING_BYTES_COUNTED = 1 << 16;

  private IdxReader() {}

  /** Reads {@code file}, whatever its dimension count. */
  public static IdxArray read(Path file) throws IOException {
    return readStream(FileProblem.openForReading(file), file.toString(), ANY_RANK);
  }

  /**
   * Reads {@code file}, which must have {@code expectedRank} dimensions (3 for MNIST images, magic
   * number {@code 0x00000803}; 1 for labels, {@code 0x00000801}).
   */
  public static IdxArray read(Path file, int expectedRank) throws IOException {
    int rank = checkedRank(expectedRank);
    return readStream(FileProblem.openForReading(file), file.toString(), rank);
  }

  /**
   * Reads an IDX stream to its end and closes it, whatever its dimension count; {@code source}
   * names it in error messages.
   */
  public static IdxArray read(InputStream in, String source) throws IOException {
    return readStream(in, source, ANY_RANK);
  }

  /** As {@link #read(InputStream, String)}, requiring {@code expectedRank} dimensions. */
  public static IdxArray read(InputStream in, String source, int expectedRank) throws IOException {
    return readStream(in, source, checkedRank(expectedRank));
  }

  private static int checkedRank(int rank) {
    if (rank < 1 || rank > 255) {
      throw new IllegalArgumentException("IDX: a dimension count is 1..255, got " + rank);
    }
    return rank;
  }

  private static IdxArray readStream(InputStream in, String source, int expectedRank)
      throws IOException {
    try (InputStream raw = in;
        InputStream stream = decompressIfGzipped(raw)) {
      return parse(stream, source, expectedRank);
    } catch (ZipException | EOFException e) {
      throw new IdxFormatException(
          source, "gzip data is corrupt or truncated (" + e.getMessage() + ")", e);
    }
  }

  private static InputStream decompressIfGzipped(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
    buffered.mark(2);
    boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
    buffered.reset();
    return gzip ? new GZIPInputStream(buffered, BUFFER_SIZE) : buffered;
  }

  private static IdxArray parse(InputStream in, String source, int expectedRank)
      throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length < 4) {
      throw new IdxFormatException(
          source, "only " + magic.length + " bytes, too short for the 4-byte IDX magic number");
    }
    int magicNumber = ByteBuffer.wrap(magic).getInt();
    if (magic[0] != 0 || magic[1] != 0) {
      throw new IdxFormatException(
          source,
          String.format(
              "bad magic number 0x%08X: an IDX magic number starts with two zero bytes",
              magicNumber));
    }
    int type = Byte.toUnsignedInt(magic[2]);
    if (type != UNSIGNED_BYTE) {
      throw new IdxFormatException(
          source,
          String.format(
              "magic number 0x%08X declares data type 0x%02X (%s); only 0x08 (unsigned byte) is"
                  + " supported",
              magicNumber, type, typeName(type)));
    }
    int rank = Byte.toUnsignedInt(magic[3]);
    if (rank == 0) {
      throw new IdxFormatException(
          source, String.format("magic number 0x%08X declares 0 dimensions", magicNumber));
    }
    if (expectedRank != ANY_RANK && rank != expectedRank) {
      throw new IdxFormatException(
          source,
          String.format(
              "magic number 0x%08X declares %d dimension(s), expected %d (magic number 0x%08X)",
              magicNumber, rank, expectedRank, (UNSIGNED_BYTE << 8) | expectedRank));
    }
    int[] dimensions = readDimensions(in, source, rank);
    byte[] data = readData(in, source, dimensions);
    return new IdxArray(source, dimensions, data);
  }

  private static int[] readDimensions(InputStream in, String source, int rank) throws IOException {
    byte[] header = in.readNBytes(4 * rank);
    if (header.length < 4 * rank) {
      throw new IdxFormatException(
          source,
          "header is truncated: "
              + rank
              + " dimension sizes need "
              + 4 * rank
              + " bytes, found "
              + header.length);
    }
    ByteBuffer sizes = ByteBuffer.wrap(header);
    int[] dimensions = new int[rank];
    for (int axis = 0; axis < rank; axis++) {
      dimensions[axis] = sizes.getInt();
      if (dimensions[axis] < 0) {
        throw new IdxFormatException(
            source, "dimension " + axis + " has negative size " + dimensions[axis]);
      }
    }
    return dimensions;
  }

  private static byte[] readData(InputStream in, String source, int[] dimensions)
      throws IOException {
    long expected = 1;
    for (int d : dimensions) {
      expected *= d;
      if (expected > MAX_ARRAY_LENGTH) {
        throw new IdxFormatException(
            source,
            "dimensions " + Shape.format(dimensions) + " hold more bytes than one array can");
      }
    }
    Optional<String> tooLarge = HeapLimit.problem(expected);
    if (tooLarge.isPresent()) {
      throw new IdxFormatException(
          source, "the data of dimensions " + Shape.format(dimensions) + " " + tooLarge.get());
    }
    byte[] data = in.readNBytes((int) expected);
    if (data.length < expected) {
      throw new IdxFormatException(
          source,
          "truncated: dimensions "
              + Shape.format(dimensions)
              + " need "
              + expected
              + " data bytes, found "
              + data.length);
    }
    long trailing = countTrailingBytes(in);
    if (trailing > 0) {
      throw new IdxFormatException(
          source,
          (trailing > TRAILING_BYTES_COUNTED ? "more than " + TRAILING_BYTES_COUNTED : trailing)
              + " unexpected trailing bytes after the "
              + expected
              + " data bytes of dimensions "
              + Shape.format(dimensions));
    }
    return data;
  }

  /** The bytes left in {@code in}, counted up to just past {@link #TRAILING_BYTES_COUNTED}. */
  private static long countTrailingBytes(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long count = 0;
    for (int n = in.read(buffer); n >= 0 && count <= TRAILING_BYTES_COUNTED; n = in.read(buffer)) {
      count += n;
    }
    return count;
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0x09 -> "signed byte";
      case 0x0B -> "short";
      case 0x0C -> "int";
      case 0x0D -> "float";
      case 0x0E -> "double";
      default -> "not an IDX type";
    };
  }
}
