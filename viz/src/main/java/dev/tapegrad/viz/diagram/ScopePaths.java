package dev.tapegrad.viz.diagram;

import java.util.ArrayList;
import java.util.List;

/** Helpers for slash-separated scope paths such as {@code TwoLayerNet/Affine1}. */
public final class ScopePaths {
  private ScopePaths() {}

  /** The last segment: {@code Affine1} for {@code TwoLayerNet/Affine1}. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The enclosing path, empty for a top-level scope. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The number of segments, 0 for the top level. */
  public static int depth(String path) {
    if (path.isEmpty()) {
      return 0;
    }
    int depth = 1;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        depth++;
      }
    }
    return depth;
  }

  /** Every non-empty prefix of {@code path}, outermost first. */
  public static List<String> prefixes(String path) {
    List<String> result = new ArrayList<>();
    if (path.isEmpty()) {
      return result;
    }
    int from = 0;
    while (true) {
      int slash = path.indexOf('/', from);
      if (slash < 0) {
        result.add(path);
        return result;
      }
      result.add(path.substring(0, slash));
      from = slash + 1;
    }
  }

  /** Whether {@code inner} is {@code outer} or lies inside it. */
  public static boolean within(String inner, String outer) {
    return outer.isEmpty()
        || inner.equals(outer)
        || (inner.startsWith(outer) && inner.charAt(outer.length()) == '/');
  }

  /** The longest path both lie within (segment-wise). */
  public static String common(String a, String b) {
    String result = "";
    for (String prefix : prefixes(a)) {
      if (!within(b, prefix)) {
        break;
      }
      result = prefix;
    }
    return result;
  }

  /**
   * Whether {@code spec} names {@code path}: the full path, or its trailing segments ({@code
   * Sigmoid} names {@code Net/Sigmoid}).
   */
  public static boolean names(String spec, String path) {
    return path.equals(spec) || path.endsWith("/" + spec);
  }
}
