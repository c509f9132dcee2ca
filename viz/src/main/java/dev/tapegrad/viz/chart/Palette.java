package dev.tapegrad.viz.chart;

import java.awt.Color;

/**
 * The colours of the chart package: distinct series colours and a blue-to-yellow ramp for contour
 * levels.
 */
final class Palette {

  /** Distinct colours for named series, in the order series are added (matplotlib's "tab10"). */
  static final Color[] SERIES = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd),
    new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
        new Color(0x17becf),
  };

  /** Anchors of the viridis colour map at 0, 1/4, 1/2, 3/4 and 1. */
  private static final Color[] RAMP = {
    new Color(0x440154),
    new Color(0x3b528b),
    new Color(0x21918c),
    new Color(0x5ec962),
    new Color(0xfde725),
  };

  private Palette() {}

  /** The colour of series number {@code index}, cycling through {@link #SERIES}. */
  static Color series(int index) {
    return SERIES[index % SERIES.length];
  }

  /**
   * The ramp colour at {@code t} in [0, 1] (clamped), linearly interpolated between the anchors.
   */
  static Color ramp(double t) {
    double position = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
    int low = Math.min((int) position, RAMP.length - 2);
    double fraction = position - low;
    Color a = RAMP[low];
    Color b = RAMP[low + 1];
    return new Color(
        mix(a.getRed(), b.getRed(), fraction),
        mix(a.getGreen(), b.getGreen(), fraction),
        mix(a.getBlue(), b.getBlue(), fraction));
  }

  /** {@code color} with the given opacity (0 transparent, 255 opaque). */
  static Color withAlpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }

  private static int mix(int a, int b, double fraction) {
    return (int) Math.round(a + (b - a) * fraction);
  }
}
