package dev.tapegrad.viz.diagram.layout;

/**
 * Text widths in DejaVu Sans (the font every sink names), from a fixed table of advance widths so
 * that layouts are the same on every machine, with or without fonts installed. Characters outside
 * the table count as one em, which errs on the wide side.
 */
public final class TextMetrics {
  /** Font size of every label, in pixels. */
  public static final double FONT_SIZE = 14;

  /** Height of one line of text at {@link #FONT_SIZE}. */
  public static final double LINE_HEIGHT = 17;

  /** Distance from the top of a line box to the baseline at {@link #FONT_SIZE}. */
  public static final double ASCENT = 13;

  /** Advance widths of ' ' to '~' in thousandths of an em. */
  private static final short[] ASCII = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838
  };

  private TextMetrics() {}

  /** Width of {@code text} at {@link #FONT_SIZE}, in pixels. */
  public static double width(String text) {
    double em = 0;
    for (int i = 0; i < text.length(); i++) {
      em += advance(text.charAt(i));
    }
    return em * FONT_SIZE / 1000;
  }

  private static int advance(char c) {
    if (c >= ' ' && c <= '~') {
      return ASCII[c - ' '];
    }
    return switch (c) {
      case '\u00d7', '\u2212' -> 838; // × and −
      case '\u03a3' -> 632; // Σ
      case '\u00b2' -> 401; // ²
      default -> 1000;
    };
  }
}
