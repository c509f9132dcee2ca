package dev.tapegrad.layers.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Small files built to make a careless reader allocate gigabytes: deflate streams that inflate to a
 * mebibyte of zeros per kilobyte, and zip and gzip containers around them whose size fields say
 * whatever a test wants. Built in milliseconds, never inflated here.
 */
public final class HostileFiles {
  private static final int MIB = 1 << 20;

  /** A final deflate block holding nothing: fixed Huffman codes, end of block. */
  private static final byte[] FINAL_EMPTY_BLOCK = {0x03, 0x00};

  /** One MiB of zeros, deflated from a clean state and flushed to a byte boundary. */
  private static final byte[] MIB_OF_ZEROS = fullyFlushed(new byte[MIB]);

  private HostileFiles() {}

  /**
   * A raw deflate stream (no zlib or gzip wrapper) of {@code prefix} followed by {@code zeroMib}
   * MiB of zeros, about 1 KB of stream per MiB. Each part is deflated on its own and fully flushed,
   * so the parts can be repeated and joined.
   */
  public static byte[] deflated(byte[] prefix, int zeroMib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(fullyFlushed(prefix));
    for (int i = 0; i < zeroMib; i++) {
      out.writeBytes(MIB_OF_ZEROS);
    }
    out.writeBytes(FINAL_EMPTY_BLOCK);
    return out.toByteArray();
  }

  /**
   * A gzip file around the raw deflate stream {@code deflated}. Its trailer (CRC and length) is
   * made up: a reader that checks it has inflated everything, which is what the tests rule out.
   */
  public static byte[] gzip(byte[] deflated) {
    ByteBuffer out = ByteBuffer.allocate(10 + deflated.length + 8).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    out.put(deflated).putInt(0).putInt(0);
    return out.array();
  }

  /**
   * A zip archive with one deflated entry {@code name} holding {@code deflated}, whose headers
   * declare {@code declaredSize} uncompressed bytes (true or not) and a made-up CRC.
   */
  public static byte[] zip(String name, byte[] deflated, long declaredSize) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(30 + 46 + 2 * nameBytes.length + deflated.length + 22)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8);
    entryFields(out, deflated.length, declaredSize, nameBytes.length);
    out.put(nameBytes).put(deflated);
    int directory = out.position();
    out.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0);
    out.putShort((short) 8);
    entryFields(out, deflated.length, declaredSize, nameBytes.length);
    out.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0);
    out.put(nameBytes);
    int directorySize = out.position() - directory;
    out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
    out.putShort((short) 1).putShort((short) 1).putInt(directorySize).putInt(directory);
    out.putShort((short) 0);
    return out.array();
  }

  /** Time, date, CRC, sizes, name length and extra length, as both zip headers have them. */
  private static void entryFields(ByteBuffer out, int compressed, long size, int nameLength) {
    out.putShort((short) 0).putShort((short) 0x21).putInt((int) new CRC32().getValue());
    out.putInt(compressed).putInt((int) size).putShort((short) nameLength).putShort((short) 0);
  }

  private static byte[] fullyFlushed(byte[] content) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(content);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length);
    deflater.end();
    return out.toByteArray();
  }
}
