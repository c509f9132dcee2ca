package dev.tapegrad.viz.chart;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.awt.geom.Point2D;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * Writes the example pictures of {@code docs/images/charts} (not a test): the optimizer paths of
 * Fig 6-8, the activation histograms of Fig 6-10 and 6-13, random 5x5 filters as in Fig 7-24
 * (before training), and, from a softmax regression trained with the engine on the MNIST sample,
 * its loss curve, accuracy per epoch, loss per optimizer (Fig 6-9 style), learned weight templates
 * and misclassified test digits.
 *
 * <p>Arguments: output folder (default {@code docs/images/charts}) and MNIST IDX folder (default
 * {@code ../shared/data/mnist-sample}). Run it on the viz test classpath from the repository root,
 * e.g. after {@code mvn -q -pl viz -am test-compile} and {@code mvn -q -pl viz
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}: {@code java -cp
 * "viz/target/test-classes:viz/target/classes:$(cat viz/cp.txt)"
 * dev.tapegrad.viz.chart.ChartGallery}. The output is the same on every run (fixed seeds).
 */
final class ChartGallery {

  private static final DoubleBinaryOperator BOOK_FUNCTION = (x, y) -> x * x / 20 + y * y;
  private static final int BATCH = 100;

  private ChartGallery() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/images/charts");
    Path mnist = Path.of(args.length > 1 ? args[1] : "../shared/data/mnist-sample");
    optimizerPaths(out);
    activationHistograms(
        out, "sigmoid, weights with std 1 (Fig 6-10)", 1.0, "activations-std1.png");
    activationHistograms(out, "sigmoid, Xavier weights (Fig 6-13)", 0.1, "activations-xavier.png");
    double[] filters = new SplittableRandom(7).doubles(30 * 25).map(v -> v - 0.5).toArray();
    ImageGrid.filters(filters, 30, 5, 5).writePng(out.resolve("filters-random.png"));
    mnistExamples(out, mnist);
  }

  private static void optimizerPaths(Path out) throws IOException {
    Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    optimizers.put("SGD", Optimizer.sgd(0.95));
    optimizers.put("Momentum", Optimizer.momentum(0.1));
    optimizers.put("AdaGrad", Optimizer.adaGrad(1.5));
    optimizers.put("Adam", Optimizer.adam(0.3));
    var chart = OptimizerPathChart.builder(BOOK_FUNCTION, new Bounds(-10, 10, -5, 5)).minimum(0, 0);
    optimizers.forEach(
        (name, optimizer) -> {
          double[] point = {-7, 2};
          List<Point2D> path = new ArrayList<>();
          for (int step = 0; step < 30; step++) {
            path.add(new Point2D.Double(point[0], point[1]));
            optimizer.update(point, new double[] {point[0] / 10, 2 * point[1]});
          }
          chart.path(name, path);
        });
    chart.build().writePng(out.resolve("optimizer-paths.png"));
  }

  /** The book's experiment: 1000 random inputs through 5 sigmoid layers of 100 nodes, no bias. */
  private static void activationHistograms(Path out, String title, double std, String file)
      throws IOException {
    SplittableRandom rng = new SplittableRandom(6);
    Tensor x = Tensor.randn(rng, 1000, 100);
    HistogramChart.Builder chart = HistogramChart.builder().title(title);
    for (int layer = 1; layer <= 5; layer++) {
      Tensor w = Tensor.randn(rng, 100, 100).mul(std);
      x = x.dot(w).neg().exp().add(1).pow(-1);
      chart.panel(layer + "-layer", x.data());
    }
    chart.build().writePng(out.resolve(file));
  }

  private static void mnistExamples(Path out, Path mnist) throws IOException {
    Tensor trainImages = images(mnist.resolve("train-images-idx3-ubyte.gz"));
    int[] trainLabels = labels(mnist.resolve("train-labels-idx1-ubyte.gz"));
    Tensor testImages = images(mnist.resolve("t10k-images-idx3-ubyte.gz"));
    int[] testLabels = labels(mnist.resolve("t10k-labels-idx1-ubyte.gz"));

    SoftmaxRegression sgd = new SoftmaxRegression(Optimizer.sgd(0.1));
    int iterationsPerEpoch = trainLabels.length / BATCH;
    List<Double> trainAccuracy = new ArrayList<>();
    List<Double> testAccuracy = new ArrayList<>();
    double[] loss = new double[2000];
    SplittableRandom rng = new SplittableRandom(45);
    for (int i = 0; i < loss.length; i++) {
      if (i % iterationsPerEpoch == 0) {
        trainAccuracy.add(accuracy(sgd.predict(trainImages), trainLabels));
        testAccuracy.add(accuracy(sgd.predict(testImages), testLabels));
      }
      loss[i] = sgd.step(trainImages, trainLabels, rng);
    }
    LineChart.loss(loss, 50).writePng(out.resolve("loss.png"));
    Figure accuracy = LineChart.accuracy(unbox(trainAccuracy), unbox(testAccuracy));
    accuracy.writePng(out.resolve("accuracy.png"));
    accuracy.writeSvg(out.resolve("accuracy.svg"));

    LineChart.Builder comparison =
        LineChart.builder()
            .title("Softmax regression on the MNIST sample")
            .xLabel("iterations")
            .yLabel("loss")
            .yRange(0, 1)
            .smoothing(20);
    Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    optimizers.put("SGD", Optimizer.sgd(0.01));
    optimizers.put("Momentum", Optimizer.momentum(0.01));
    optimizers.put("AdaGrad", Optimizer.adaGrad(0.01));
    optimizers.put("Adam", Optimizer.adam(0.001));
    for (Map.Entry<String, Optimizer> entry : optimizers.entrySet()) {
      SoftmaxRegression model = new SoftmaxRegression(entry.getValue());
      SplittableRandom batches = new SplittableRandom(45);
      double[] curve = new double[1000];
      for (int i = 0; i < curve.length; i++) {
        curve[i] = model.step(trainImages, trainLabels, batches);
      }
      comparison.series(entry.getKey(), curve);
    }
    comparison.build().writePng(out.resolve("optimizers-mnist.png"));

    ImageGrid.Builder templates = ImageGrid.builder(28, 28).columns(10).scale(3);
    double[] w = sgd.weights.data();
    for (int digit = 0; digit < 10; digit++) {
      double[] template = new double[784];
      for (int p = 0; p < 784; p++) {
        template[p] = w[p * 10 + digit];
      }
      templates.tile(template, Integer.toString(digit));
    }
    templates.build().writePng(out.resolve("weights-softmax.png"));

    int[] predicted = sgd.predict(testImages);
    List<double[]> wrong = new ArrayList<>();
    List<Integer> wrongLabels = new ArrayList<>();
    List<Integer> wrongPredictions = new ArrayList<>();
    for (int i = 0; i < testLabels.length && wrong.size() < 20; i++) {
      if (predicted[i] != testLabels[i]) {
        wrong.add(Arrays.copyOfRange(testImages.data(), i * 784, (i + 1) * 784));
        wrongLabels.add(testLabels[i]);
        wrongPredictions.add(predicted[i]);
      }
    }
    ImageGrid.misclassified(
            wrong,
            28,
            28,
            wrongLabels.stream().mapToInt(Integer::intValue).toArray(),
            wrongPredictions.stream().mapToInt(Integer::intValue).toArray())
        .writePng(out.resolve("misclassified.png"));
  }

  private static double accuracy(int[] predicted, int[] labels) {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += predicted[i] == labels[i] ? 1 : 0;
    }
    return (double) right / labels.length;
  }

  private static double[] unbox(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** 784 -> 10 softmax regression with cross-entropy loss, trained on mini-batches of 100. */
  private static final class SoftmaxRegression {
    final Tensor weights = Tensor.randn(new SplittableRandom(1), 784, 10).mul(0.01).requiresGrad();
    final Tensor bias = Tensor.zeros(10).requiresGrad();
    private final Optimizer optimizer;

    SoftmaxRegression(Optimizer optimizer) {
      this.optimizer = optimizer;
    }

    /** One optimizer step on a random batch; returns the batch loss before the step. */
    double step(Tensor images, int[] labels, SplittableRandom rng) {
      int[] batch = rng.ints(BATCH, 0, labels.length).toArray();
      int[] batchLabels = new int[BATCH];
      for (int i = 0; i < BATCH; i++) {
        batchLabels[i] = labels[batch[i]];
      }
      try (Tape tape = Tape.record()) {
        Tensor logits = images.rows(batch).dot(weights).add(bias);
        Tensor shift = logits.max(1, true).detach();
        Tensor logSumExp = logits.sub(shift).exp().sum(1, true).log().add(shift).reshape(BATCH);
        Tensor loss = logSumExp.sub(logits.select(batchLabels)).mean();
        List<Tensor> grads = tape.grad(loss, List.of(weights, bias));
        optimizer.update(weights.data(), grads.get(0).data());
        optimizer.update(bias.data(), grads.get(1).data());
        return loss.item();
      }
    }

    int[] predict(Tensor images) {
      double[] classes = images.dot(weights).add(bias).argmax(1).data();
      int[] predicted = new int[classes.length];
      for (int i = 0; i < classes.length; i++) {
        predicted[i] = (int) classes[i];
      }
      return predicted;
    }
  }

  /** The book's update rules on plain arrays, with state kept per parameter array. */
  private interface Optimizer {
    void update(double[] parameter, double[] gradient);

    static Optimizer sgd(double lr) {
      return (p, g) -> {
        for (int i = 0; i < p.length; i++) {
          p[i] -= lr * g[i];
        }
      };
    }

    static Optimizer momentum(double lr) {
      Map<double[], double[]> velocities = new IdentityHashMap<>();
      return (p, g) -> {
        double[] v = velocities.computeIfAbsent(p, key -> new double[key.length]);
        for (int i = 0; i < p.length; i++) {
          v[i] = 0.9 * v[i] - lr * g[i];
          p[i] += v[i];
        }
      };
    }

    static Optimizer adaGrad(double lr) {
      Map<double[], double[]> squares = new IdentityHashMap<>();
      return (p, g) -> {
        double[] h = squares.computeIfAbsent(p, key -> new double[key.length]);
        for (int i = 0; i < p.length; i++) {
          h[i] += g[i] * g[i];
          p[i] -= lr * g[i] / (Math.sqrt(h[i]) + 1e-7);
        }
      };
    }

    static Optimizer adam(double lr) {
      Map<double[], double[][]> moments = new IdentityHashMap<>();
      return (p, g) -> {
        double[][] state =
            moments.computeIfAbsent(
                p, key -> new double[][] {new double[key.length], new double[key.length], {0}});
        double[] m = state[0];
        double[] v = state[1];
        double t = ++state[2][0];
        double step = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
        for (int i = 0; i < p.length; i++) {
          m[i] += 0.1 * (g[i] - m[i]);
          v[i] += 0.001 * (g[i] * g[i] - v[i]);
          p[i] -= step * m[i] / (Math.sqrt(v[i]) + 1e-7);
        }
      };
    }
  }

  private static Tensor images(Path file) throws IOException {
    try (DataInputStream in = idx(file, 2051)) {
      int count = in.readInt();
      int size = in.readInt() * in.readInt();
      byte[] bytes = in.readNBytes(count * size);
      double[] pixels = new double[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        pixels[i] = (bytes[i] & 0xff) / 255.0;
      }
      return Tensor.wrap(pixels, count, size);
    }
  }

  private static int[] labels(Path file) throws IOException {
    try (DataInputStream in = idx(file, 2049)) {
      byte[] bytes = in.readNBytes(in.readInt());
      int[] labels = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        labels[i] = bytes[i];
      }
      return labels;
    }
  }

  private static DataInputStream idx(Path file, int magic) throws IOException {
    InputStream raw = new GZIPInputStream(Files.newInputStream(file));
    DataInputStream in = new DataInputStream(raw);
    int found = in.readInt();
    if (found != magic) {
      in.close();
      throw new IOException(file + ": IDX magic " + found + ", expected " + magic);
    }
    return in;
  }
}
