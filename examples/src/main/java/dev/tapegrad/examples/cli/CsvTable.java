package dev.tapegrad.examples.cli;

import java.util.Objects;

/**
 * A CSV document built row by row for a command's outputs: a header line, then one line per {@link
 * #row}. Numbers are written with {@link String#valueOf} (full precision, independent of the
 * locale; {@code NaN} and {@code Infinity} as Java spells them); a text cell holding a comma, a
 * quote or a line break is quoted.
 */
public final class CsvTable {
  private final int columns;
  private final StringBuilder text = new StringBuilder();
  private int rows;

  /** A table with these column names. */
  public CsvTable(String... header) {
    if (header.length == 0) {
      throw new IllegalArgumentException("a CSV table needs at least one column");
    }
    this.columns = header.length;
    append(header);
  }

  /**
   * Appends one row; returns this.
   *
   * @throws IllegalArgumentException if the number of cells differs from the number of columns
   */
  public CsvTable row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "CSV row "
              + (rows + 1)
              + " has "
              + cells.length
              + " cells but the table has "
              + columns
              + " columns");
    }
    append(cells);
    rows++;
    return this;
  }

  /** The number of rows below the header. */
  public int rows() {
    return rows;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private void append(Object[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(escape(String.valueOf(Objects.requireNonNull(cells[i], "CSV cell"))));
    }
    text.append('\n');
  }

  private static String escape(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
