package dev.tapegrad.layers.io;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} format: a zip archive with one {@code name.npy} entry per named array, as
 * {@code numpy.savez} (stored entries) and {@code numpy.savez_compressed} (deflated) write it.
 * Names may contain {@code /} and {@code .} (e.g. {@code adam/m/Affine1.W}); NumPy loads them under
 * the same names.
 *
 * <p>Reading checks every entry (format, CRC, length) and rejects archives that are not zips,
 * entries that are not {@code .npy} arrays and duplicate names. An entry is inflated no further
 * than the size the archive declares for it, and an array header that declares more (or less) data
 * than that size is rejected before any data is read, so a small archive cannot make the reader
 * allocate more than its entries legitimately hold. Writing is atomic (see {@link AtomicFile}) and
 * deterministic: the same arrays give the same bytes. File errors are reported as {@link
 * FileProblem#explained}.
 */
public final class Npz {
  private static final String SUFFIX = ".npy";

  /** Entry timestamps are fixed so that equal checkpoints are equal files. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private Npz() {}

  /** The arrays in {@code file}, by name, in the order of the archive. */
  public static Map<String, Tensor> read(Path file) throws IOException {
    String source = file.toString();
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new CheckpointFormatException(
          source, "not a valid .npz (zip) archive: " + e.getMessage(), e);
    } catch (IOException e) {
      throw FileProblem.explained(file, e);
    }
    try (zip) {
      Map<String, Tensor> arrays = new LinkedHashMap<>();
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String entrySource = source + ", entry '" + entry.getName() + "'";
        if (entry.isDirectory() || !entry.getName().endsWith(SUFFIX)) {
          throw new CheckpointFormatException(entrySource, "not a .npy array");
        }
        String name = entry.getName().substring(0, entry.getName().length() - SUFFIX.length());
        if (arrays.containsKey(name)) {
          throw new CheckpointFormatException(entrySource, "duplicate array name '" + name + "'");
        }
        arrays.put(name, readEntry(zip, entry, entrySource));
      }
      return Collections.unmodifiableMap(arrays);
    }
  }

  private static Tensor readEntry(ZipFile zip, ZipEntry entry, String source) throws IOException {
    CRC32 crc = new CRC32();
    Tensor tensor;
    long size = entry.getSize();
    try (InputStream in =
        new CheckedInputStream(
            new DeclaredLengthInputStream(zip.getInputStream(entry), size, source), crc)) {
      tensor = Npy.read(in, size, source);
    } catch (ZipException | EOFException e) {
      throw new CheckpointFormatException(source, "corrupt entry data: " + e.getMessage(), e);
    }
    if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
      throw new CheckpointFormatException(
          source,
          String.format(
              "CRC mismatch (archive says %08x, data has %08x): corrupt data",
              entry.getCrc(), crc.getValue()));
    }
    return tensor;
  }

  /**
   * Writes {@code arrays} to {@code file} as an uncompressed {@code .npz} (like {@code
   * numpy.savez}), in iteration order, atomically: on any failure an existing file is left as it
   * was.
   */
  public static void write(Path file, Map<String, Tensor> arrays) throws IOException {
    try {
      AtomicFile.write(
          file,
          out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, Tensor> array : arrays.entrySet()) {
              writeEntry(zip, array.getKey(), array.getValue());
            }
            zip.finish();
          });
    } catch (IOException e) {
      throw FileProblem.explained(file, e);
    }
  }

  private static void writeEntry(ZipOutputStream zip, String name, Tensor tensor)
      throws IOException {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("npz: array names must not be empty");
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Npy.write(buffer, tensor);
    byte[] npy = buffer.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(npy);
    ZipEntry entry = new ZipEntry(name + SUFFIX);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(npy.length);
    entry.setCompressedSize(npy.length);
    entry.setCrc(crc.getValue());
    entry.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(npy);
    zip.closeEntry();
  }
}
