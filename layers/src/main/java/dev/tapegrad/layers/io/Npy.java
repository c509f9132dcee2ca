package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.io.AtomicFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * NumPy's {@code .npy} format for one array. Reads versions 1.0, 2.0 and 3.0 with numeric dtypes
 * (see {@link NumpyDtype}) in C or Fortran order into a float64 {@link Tensor}; writes version 1.0,
 * {@code <f8}, C order, with the header NumPy itself writes. Corrupt or inconsistent input raises a
 * {@link CheckpointFormatException} naming the source and the problem.
 */
public final class Npy {
  private static final int WRITE_CHUNK = 1024;

  private Npy() {}

  /**
   * The array stored in {@code file}. A header that declares more or less data than the file holds
   * is rejected before the data is read.
   */
  public static Tensor read(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(FileProblem.openForReading(file))) {
      return read(in, Files.size(file), file.toString());
    }
  }

  /**
   * The array that {@code in} holds from its current position to its end; {@code source} names it
   * in error messages. Data beyond what the header describes is an error, as is missing data.
   */
  public static Tensor read(InputStream in, String source) throws IOException {
    return readData(in, NpyHeader.read(in, source).layout(), source);
  }

  /**
   * As {@link #read(InputStream, String)} for a stream of {@code length} bytes: a header that
   * declares another amount of data is rejected before any data is read.
   */
  static Tensor read(InputStream in, long length, String source) throws IOException {
    NpyHeader header = NpyHeader.read(in, source);
    ArrayLayout layout = header.layout();
    long dataBytes = length - header.length();
    if (dataBytes != layout.byteCount()) {
      throw layout.lengthMismatch(dataBytes, source);
    }
    return readData(in, layout, source);
  }

  /** The data after the header, which must be exactly what {@code layout} needs. */
  private static Tensor readData(InputStream in, ArrayLayout layout, String source)
      throws IOException {
    byte[] raw = in.readNBytes(layout.byteCount());
    long extra = in.transferTo(OutputStream.nullOutputStream());
    if (extra > 0) {
      throw layout.lengthMismatch(raw.length + extra, source);
    }
    return layout.toTensor(raw, source);
  }

  /**
   * Writes {@code tensor} to {@code file} as {@code .npy}, atomically (see {@link AtomicFile}); a
   * file error is reported as {@link FileProblem#explained}.
   */
  public static void write(Path file, Tensor tensor) throws IOException {
    try {
      AtomicFile.write(file, out -> write(out, tensor));
    } catch (IOException e) {
      throw FileProblem.explained(file, e);
    }
  }

  /** Writes {@code tensor} as a complete {@code .npy} stream to {@code out} (not closed). */
  public static void write(OutputStream out, Tensor tensor) throws IOException {
    out.write(NpyHeader.float64(tensor.shape()));
    double[] data = tensor.data();
    ByteBuffer chunk =
        ByteBuffer.allocate(WRITE_CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int start = 0; start < data.length; start += WRITE_CHUNK) {
      int n = Math.min(WRITE_CHUNK, data.length - start);
      chunk.clear();
      chunk.asDoubleBuffer().put(data, start, n);
      out.write(chunk.array(), 0, n * Double.BYTES);
    }
  }
}
