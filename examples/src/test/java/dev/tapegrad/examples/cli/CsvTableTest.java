package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CsvTableTest {
  @Test
  void writesHeaderAndRowsWithLocaleFreeNumbers() {
    CsvTable t = new CsvTable("name", "value").row("a", 0.5).row("b", 1e-7).row("c", Double.NaN);
    assertEquals("name,value\na,0.5\nb,1.0E-7\nc,NaN\n", t.toString());
    assertEquals(3, t.rows());
  }

  @Test
  void quotesCellsWithCommasOrQuotes() {
    assertEquals(
        "x\n\"a,b\"\n\"say \"\"hi\"\"\"\n",
        new CsvTable("x").row("a,b").row("say \"hi\"").toString());
  }

  @Test
  void aRowOfTheWrongWidthIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CsvTable("a", "b").row(1));
    assertEquals("CSV row 1 has 1 cells but the table has 2 columns", e.getMessage());
  }
}
