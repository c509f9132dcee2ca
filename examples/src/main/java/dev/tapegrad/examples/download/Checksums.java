package dev.tapegrad.examples.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a download fetches, each with its SHA-256: the official MNIST archives built in, or a
 * list in the format of {@code sha256sum} ({@code <64 hex digits> <file name>} per line).
 */
public final class Checksums {
  private static final Pattern LINE = Pattern.compile("([0-9A-Fa-f]{64}) [ *](\\S+)");

  private Checksums() {}

  /**
   * The four MNIST files as Yann LeCun, Corinna Cortes and Christopher Burges published them and as
   * the PyTorch (ossci-datasets) and TensorFlow (cvdf-datasets) mirrors serve them, with their
   * well-known sizes and SHA-256 sums.
   */
  public static List<ExpectedFile> mnist() {
    return List.of(
        new ExpectedFile(
            "train-images-idx3-ubyte.gz",
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            9_912_422),
        new ExpectedFile(
            "train-labels-idx1-ubyte.gz",
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            28_881),
        new ExpectedFile(
            "t10k-images-idx3-ubyte.gz",
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            1_648_877),
        new ExpectedFile(
            "t10k-labels-idx1-ubyte.gz",
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
            4_542));
  }

  /**
   * The files listed in a {@code sha256sum}-style file (sizes unknown); blank lines and lines
   * starting with {@code #} are skipped.
   *
   * @throws IOException naming the file and line when a line is not {@code <sha256> <name>}
   */
  public static List<ExpectedFile> read(Path file) throws IOException {
    List<ExpectedFile> files = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IOException(
            file
                + ", line "
                + (i + 1)
                + ": expected '<64 hex digits>  <file name>' as sha256sum writes, got '"
                + line
                + "'");
      }
      try {
        files.add(new ExpectedFile(m.group(2), m.group(1), -1));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ", line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (files.isEmpty()) {
      throw new IOException(file + ": lists no files");
    }
    return files;
  }
}
