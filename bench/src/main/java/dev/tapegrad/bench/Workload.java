package dev.tapegrad.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The workloads every peer (tapegrad, NumPy, DJL) runs for the comparison table: whole training
 * steps (forward, backward and update on one batch of 100, float64), inference passes over 10,000
 * images, and plain matrix products. The ids are shared with {@code bench/numpy_reference.py},
 * which implements the same list.
 */
public enum Workload {
  TWO_LAYER_SGD("two-layer-sgd", "TwoLayerNet 784-50-10 ReLU, SGD lr 0.1, batch 100"),
  MLP_ADAM("mlp-adam", "MultiLayerNet 784-100x4-10 ReLU (He init), Adam, batch 100"),
  SIMPLE_CONV_ADAM(
      "simple-conv-adam", "SimpleConvNet (30 5x5 filters, pool, 100, 10), Adam, batch 100"),
  DEEP_CONV_ADAM(
      "deep-conv-adam", "DeepConvNet (6 conv 3x3, 3 pools, 50, 10, dropout), Adam, batch 100"),
  INFER_BATCH_100("infer-b100", "784-50-100-10 sigmoid + softmax, 10,000 images in batches of 100"),
  INFER_BATCH_1("infer-b1", "784-50-100-10 sigmoid + softmax, 10,000 images one at a time"),
  GEMM_100_784_50(
      "gemm-100x784x50", "C = A·B, m 100, k 784, n 50 (TwoLayerNet Affine1)", 100, 784, 50),
  GEMM_100_4320_100(
      "gemm-100x4320x100", "C = A·B, m 100, k 4320, n 100 (SimpleConvNet Affine1)", 100, 4320, 100),
  GEMM_57600_25_30(
      "gemm-57600x25x30", "C = A·B, m 57600, k 25, n 30 (SimpleConvNet Conv1)", 57600, 25, 30),
  GEMM_1024("gemm-1024", "C = A·B, m = k = n = 1024", 1024, 1024, 1024);

  /** Images per inference pass, as in the book's chapter 3 test set. */
  public static final int INFERENCE_IMAGES = 10_000;

  /** Mini-batch size of every training step. */
  public static final int BATCH = 100;

  private final String id;
  private final String description;
  private final int m;
  private final int k;
  private final int n;

  Workload(String id, String description) {
    this(id, description, 0, 0, 0);
  }

  Workload(String id, String description, int m, int k, int n) {
    this.id = id;
    this.description = description;
    this.m = m;
    this.k = k;
    this.n = n;
  }

  /** Short name used on the command line, in the table and by the NumPy reference. */
  public String id() {
    return id;
  }

  /** What the workload runs, in one line. */
  public String description() {
    return description;
  }

  /** Whether this is a plain matrix product, reported in GFLOPS as well as milliseconds. */
  public boolean isGemm() {
    return m > 0;
  }

  /** GEMM dimensions {m, k, n}: A is (m,k), B is (k,n). */
  public int[] gemmShape() {
    if (!isGemm()) {
      throw new IllegalStateException(id + " is not a matrix product");
    }
    return new int[] {m, k, n};
  }

  /** Floating-point operations of one GEMM ({@code 2·m·k·n}); 0 for other workloads. */
  public double flops() {
    return 2.0 * m * k * n;
  }

  /** The workload with this id. */
  public static Workload byId(String id) {
    for (Workload w : values()) {
      if (w.id.equals(id)) {
        return w;
      }
    }
    throw new IllegalArgumentException(
        "unknown workload '" + id + "'; known: " + ids(List.of(values())));
  }

  /** Comma-separated ids, for messages and help. */
  public static String ids(List<Workload> workloads) {
    return workloads.stream().map(Workload::id).collect(Collectors.joining(", "));
  }

  /** Parses a comma-separated list of ids ({@code all} for every workload). */
  public static List<Workload> parseList(String text) {
    if (text.equals("all")) {
      return List.of(values());
    }
    return Arrays.stream(text.split(",")).map(String::trim).map(Workload::byId).toList();
  }
}
