package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hostile file, a few kilobytes to a megabyte, read in a JVM of its own with a 64 MB heap:
 * each is rejected with a one-line message naming the file, where a careless reader would ask for
 * gigabytes (zip and gzip bombs, one byte string shared by hundreds of pickled arrays, a length
 * field of 2 GiB) or recurse without end (a deeply nested header, a list that contains itself used
 * as a dict key). The readers' own tests check each case in detail; this one checks that nothing of
 * it needs more memory or stack than a small JVM has.
 */
class HostileFilesInSmallHeapTest {
  private static final int GIB_IN_MIB = 1024;

  @TempDir Path dir;

  /** A hostile file: its reader, its name, how to make it, and a fragment of the rejection. */
  private record Case(String reader, String name, Supplier<byte[]> content, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
            new Case(
                "npz",
                "entry-inflates-past-its-size.npz",
                () -> npz(NpyHeader.float64(new int[] {16}), 16 * 8, GIB_IN_MIB),
                "entry 'W.npy': holds more than the"),
            new Case(
                "npz",
                "honest-gibibyte-entry.npz",
                () -> npz(NpyHeader.float64(new int[] {1 << 27}), 1L << 30, GIB_IN_MIB),
                "entry 'W.npy': a tensor of shape (134217728,) needs 1,073,741,824 bytes, more than"
                    + " this JVM's maximum heap"),
            new Case(
                "idx",
                "gzip-inflates-past-its-header.gz",
                () -> idxGzip(new int[] {1, 28, 28}, GIB_IN_MIB),
                "more than 65536 unexpected trailing bytes after the 784 data bytes"),
            new Case(
                "idx",
                "honest-gibibyte.gz",
                () -> idxGzip(new int[] {1024, 1024, 1024}, GIB_IN_MIB),
                "the data of dimensions (1024,1024,1024) needs 1,073,741,824 bytes, more than this"
                    + " JVM's maximum heap"),
            new Case(
                "pickle",
                "400-arrays-sharing-one-byte-string.pkl",
                () -> PickleBytes.arraysSharingOneByteString(400, 1 << 17),
                "its 400 arrays hold 419,430,400 bytes of data, more than the whole"),
            new Case(
                "pickle",
                "long4-of-2-gib.pkl",
                () -> hex("80 02 8B FF FF FF 7F 00 00 00 00 00 00 00 00 2E"),
                "a value claims 2147483647 bytes but only 9 remain"),
            new Case(
                "pickle",
                "list-containing-itself-as-dict-key.pkl",
                () -> hex("80 02 7D 5D 71 00 68 00 61 4E 73 2E"),
                "unhashable dict key of type list"),
            new Case(
                "npy",
                "header-nested-4900-deep.npy",
                () -> NpyBytes.of(NpyBytes.headerWithDescrNested(4900), new byte[0]),
                "containers nested more than 64 levels deep"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedInOneLineWithinA64MegabyteHeap(Case hostile)
      throws IOException, InterruptedException {
    Path file = Files.write(dir.resolve(hostile.name()), hostile.content().get());
    assertTrue(Files.size(file) < 2 << 20, "a hostile file is small: " + Files.size(file));

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                ReadOneFile.class.getName(),
                hostile.reader(),
                file.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the reader finishes");

    List<String> lines =
        errors.lines().filter(line -> !line.startsWith("WARNING: Using incubator")).toList();
    assertFalse(errors.contains("Error"), errors);
    assertEquals(ReadOneFile.REJECTED, process.exitValue(), errors);
    assertEquals(1, lines.size(), errors);
    assertTrue(lines.get(0).startsWith(file.toString()), errors);
    assertTrue(lines.get(0).contains(hostile.reason()), errors);
  }

  private static byte[] hex(String bytes) {
    return HexFormat.ofDelimiter(" ").parseHex(bytes);
  }

  /** An archive with entry {@code W.npy}: {@code header}, then {@code mib} MiB of zeros. */
  private static byte[] npz(byte[] header, long declaredData, int mib) {
    return HostileFiles.zip(
        "W.npy", HostileFiles.deflated(header, mib), header.length + declaredData);
  }

  /** A gzipped IDX file of {@code dimensions} whose data inflates to {@code mib} MiB of zeros. */
  private static byte[] idxGzip(int[] dimensions, int mib) {
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * dimensions.length);
    header.put(new byte[] {0, 0, 8, (byte) dimensions.length});
    for (int d : dimensions) {
      header.putInt(d);
    }
    return HostileFiles.gzip(HostileFiles.deflated(header.array(), mib));
  }
}
