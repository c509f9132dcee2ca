package dev.tapegrad.viz.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Small grayscale images tiled into a grid, each enlarged by nearest-neighbour scaling (every
 * source pixel becomes a square block), optionally captioned: the book's conv filters (Fig 7-24, 30
 * filters of 5 x 5) and misclassified digits with "label → prediction" captions (Fig 8-2). Values
 * map to gray either by each tile's own min and max (min black, max white; the default) or by a
 * fixed range.
 */
public final class ImageGrid implements Figure {

  private static final int MARGIN = 10;
  private static final int CAPTION_GAP = 4;
  private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Color FRAME = new Color(0xb0b0b0);

  private final int tileHeight;
  private final int tileWidth;
  private final List<double[]> grays;
  private final List<String> captions;
  private final int columns;
  private final int scale;
  private final int gap;
  private final String title;
  private final int cellWidth;
  private final int captionHeight;

  private ImageGrid(Builder builder, List<double[]> grays) {
    this.tileHeight = builder.tileHeight;
    this.tileWidth = builder.tileWidth;
    this.grays = grays;
    this.captions = List.copyOf(builder.captions);
    this.columns =
        builder.columns > 0
            ? Math.min(builder.columns, grays.size())
            : (int) Math.ceil(Math.sqrt(grays.size()));
    this.scale = builder.scale;
    this.gap = builder.gap;
    this.title = builder.title;
    FontMetrics metrics = fontMetrics(CAPTION_FONT);
    int widestCaption =
        captions.stream()
            .filter(c -> !c.isEmpty())
            .mapToInt(c -> metrics.stringWidth(c) + 4)
            .max()
            .orElse(0);
    this.cellWidth = Math.max(tileWidth * scale, widestCaption);
    this.captionHeight =
        captions.stream().allMatch(String::isEmpty) ? 0 : CAPTION_GAP + metrics.getHeight();
  }

  /** An empty grid of tiles that are {@code tileHeight} x {@code tileWidth} values each. */
  public static Builder builder(int tileHeight, int tileWidth) {
    return new Builder(tileHeight, tileWidth);
  }

  /**
   * Convolution filters as in Fig 7-24: {@code weights} holds {@code count} filters of height x
   * width values one after another (the data of a (count, 1, height, width) weight tensor); each
   * filter is normalised by its own min (black) and max (white), 10 filters per row.
   */
  public static ImageGrid filters(double[] weights, int count, int height, int width) {
    return builder(height, width)
        .tiles(weights, count)
        .columns(10)
        .scale(Math.max(1, 60 / Math.max(height, width)))
        .build();
  }

  /**
   * Misclassified images as in Fig 8-2, captioned "label → prediction", dark ink on white like the
   * book, five per row.
   */
  public static ImageGrid misclassified(
      List<double[]> images, int height, int width, int[] labels, int[] predicted) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(predicted, "predicted");
    return misclassified(
        images,
        height,
        width,
        Arrays.stream(labels).mapToObj(String::valueOf).toList(),
        Arrays.stream(predicted).mapToObj(String::valueOf).toList());
  }

  /**
   * The same with the classes' names as captions (say "Shirt → T-shirt/top"); a column is as wide
   * as its widest caption.
   */
  public static ImageGrid misclassified(
      List<double[]> images, int height, int width, List<String> labels, List<String> predicted) {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(predicted, "predicted");
    if (labels.size() != images.size() || predicted.size() != images.size()) {
      throw new IllegalArgumentException(
          "need one label and one prediction per image: "
              + images.size()
              + " images, "
              + labels.size()
              + " labels, "
              + predicted.size()
              + " predictions");
    }
    Builder builder =
        builder(height, width)
            .columns(5)
            .scale(Math.max(1, 84 / Math.max(height, width)))
            .inverted(true);
    for (int i = 0; i < images.size(); i++) {
      builder.tile(images.get(i), labels.get(i) + " \u2192 " + predicted.get(i));
    }
    return builder.build();
  }

  /** Number of tiles. */
  public int size() {
    return grays.size();
  }

  /** Tiles per row. */
  public int columns() {
    return columns;
  }

  /** The pixel rectangle of tile {@code index}'s image (without its caption), row-major order. */
  public Rectangle tileBounds(int index) {
    Objects.checkIndex(index, grays.size());
    int column = index % columns;
    int row = index / columns;
    int x = MARGIN + column * (cellWidth + gap) + (cellWidth - tileWidth * scale) / 2;
    int y = MARGIN + titleHeight() + row * (tileHeight * scale + captionHeight + gap);
    return new Rectangle(x, y, tileWidth * scale, tileHeight * scale);
  }

  @Override
  public int width() {
    return 2 * MARGIN + columns * cellWidth + (columns - 1) * gap;
  }

  @Override
  public int height() {
    int rows = (grays.size() + columns - 1) / columns;
    return 2 * MARGIN
        + titleHeight()
        + rows * (tileHeight * scale + captionHeight)
        + (rows - 1) * gap;
  }

  @Override
  public void paint(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    if (title != null) {
      FigureTitle.paint(g, title, width(), MARGIN);
    }
    g.setFont(CAPTION_FONT);
    FontMetrics metrics = g.getFontMetrics();
    for (int t = 0; t < grays.size(); t++) {
      Rectangle tile = tileBounds(t);
      g.setColor(FRAME);
      g.drawRect(tile.x - 1, tile.y - 1, tile.width + 1, tile.height + 1);
      double[] gray = grays.get(t);
      for (int r = 0; r < tileHeight; r++) {
        for (int c = 0; c < tileWidth; c++) {
          int level = (int) Math.round(255 * gray[r * tileWidth + c]);
          g.setColor(new Color(level, level, level));
          g.fillRect(tile.x + c * scale, tile.y + r * scale, scale, scale);
        }
      }
      String caption = captions.get(t);
      if (!caption.isEmpty()) {
        g.setColor(Color.BLACK);
        int baseline = tile.y + tile.height + CAPTION_GAP + metrics.getAscent();
        g.drawString(caption, tile.x + (tile.width - metrics.stringWidth(caption)) / 2, baseline);
      }
    }
  }

  private int titleHeight() {
    return title == null ? 0 : FigureTitle.HEIGHT;
  }

  private static FontMetrics fontMetrics(Font font) {
    FigureFiles.ensureHeadless();
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }

  /** Collects the tiles and options of one image grid. */
  public static final class Builder {
    private final int tileHeight;
    private final int tileWidth;
    private final List<double[]> tiles = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();
    private int columns;
    private int scale = 4;
    private int gap = 6;
    private double[] fixedRange;
    private boolean inverted;
    private String title;

    private Builder(int tileHeight, int tileWidth) {
      if (tileHeight < 1 || tileWidth < 1) {
        throw new IllegalArgumentException(
            "tiles must be at least 1x1, got " + tileHeight + "x" + tileWidth);
      }
      this.tileHeight = tileHeight;
      this.tileWidth = tileWidth;
    }

    /** One tile from {@code pixels}, row-major, height x width values. */
    public Builder tile(double[] pixels) {
      return tile(pixels, "");
    }

    /** One tile from {@code pixels} (row-major) with a caption under it. */
    public Builder tile(double[] pixels, String caption) {
      Objects.requireNonNull(pixels, "pixels of tile " + tiles.size());
      Objects.requireNonNull(caption, "caption of tile " + tiles.size());
      if (pixels.length != tileHeight * tileWidth) {
        throw new IllegalArgumentException(
            "tile "
                + tiles.size()
                + " has "
                + pixels.length
                + " values, expected "
                + tileHeight
                + "x"
                + tileWidth
                + " = "
                + tileHeight * tileWidth);
      }
      for (int i = 0; i < pixels.length; i++) {
        if (!Double.isFinite(pixels[i])) {
          throw new IllegalArgumentException(
              "tile "
                  + tiles.size()
                  + " has the non-finite value "
                  + pixels[i]
                  + " at row "
                  + i / tileWidth
                  + ", column "
                  + i % tileWidth);
        }
      }
      tiles.add(pixels.clone());
      captions.add(caption);
      return this;
    }

    /** {@code count} tiles stored one after another in {@code stacked}, without captions. */
    public Builder tiles(double[] stacked, int count) {
      Objects.requireNonNull(stacked, "stacked tiles");
      int size = tileHeight * tileWidth;
      if (count < 1 || stacked.length != count * size) {
        throw new IllegalArgumentException(
            "expected "
                + count
                + " tiles of "
                + tileHeight
                + "x"
                + tileWidth
                + " = "
                + (long) count * size
                + " values, got "
                + stacked.length);
      }
      for (int t = 0; t < count; t++) {
        tile(Arrays.copyOfRange(stacked, t * size, (t + 1) * size));
      }
      return this;
    }

    /** Tiles per row (default: about the square root of the number of tiles). */
    public Builder columns(int columns) {
      this.columns = Checks.atLeast("columns", columns, 1);
      return this;
    }

    /** Screen pixels per image pixel along each side (default 4). */
    public Builder scale(int scale) {
      this.scale = Checks.atLeast("scale", scale, 1);
      return this;
    }

    /** Pixels between neighbouring tiles (default 6). */
    public Builder gap(int gap) {
      this.gap = Checks.atLeast("gap", gap, 0);
      return this;
    }

    /**
     * Maps {@code low} to black and {@code high} to white in every tile (clamping beyond), instead
     * of each tile's own min and max.
     */
    public Builder range(double low, double high) {
      Checks.range("gray range", low, high);
      this.fixedRange = new double[] {low, high};
      return this;
    }

    /** Swaps black and white: high values dark, as ink on paper. */
    public Builder inverted(boolean inverted) {
      this.inverted = inverted;
      return this;
    }

    /** A title above the grid. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** The grid as a figure. */
    public ImageGrid build() {
      if (tiles.isEmpty()) {
        throw new IllegalStateException("an image grid needs at least one tile");
      }
      List<double[]> grays = new ArrayList<>(tiles.size());
      for (double[] tile : tiles) {
        grays.add(toGray(tile));
      }
      return new ImageGrid(this, List.copyOf(grays));
    }

    /**
     * Values mapped to [0, 1] (0 black); a constant tile without a fixed range becomes mid-gray.
     */
    private double[] toGray(double[] pixels) {
      double low;
      double high;
      if (fixedRange != null) {
        low = fixedRange[0];
        high = fixedRange[1];
      } else {
        low = Double.POSITIVE_INFINITY;
        high = Double.NEGATIVE_INFINITY;
        for (double v : pixels) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
      double[] gray = new double[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        double g = high > low ? Math.max(0, Math.min(1, (pixels[i] - low) / (high - low))) : 0.5;
        gray[i] = inverted ? 1 - g : g;
      }
      return gray;
    }
  }
}
