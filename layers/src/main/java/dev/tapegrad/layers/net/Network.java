package dev.tapegrad.layers.net;

import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.layers.F;
import dev.tapegrad.layers.Module;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A classifier network as the book writes them: its layers run in the order they were added ({@link
 * #forward}), {@link #predict} gives class scores, {@link #loss} adds Softmax-with-Loss (and L2
 * weight decay {@code ½λΣW²} over every weight named {@code .W}), {@link #accuracy} evaluates in
 * batches, and gradients come from the tape (or, for comparison, from the book's numerical
 * differentiation).
 *
 * <p>The book's networks subclass it; a model of your own needs not: {@link #of} wraps any {@link
 * Module} that maps a batch to class scores, and the result trains with the {@link
 * dev.tapegrad.layers.train.Trainer} like the book's.
 */
public abstract class Network extends Module {
  private double weightDecay;

  /** A network named {@code name}; its layers are the children it adds, run in that order. */
  protected Network(String name) {
    super(name);
  }

  /**
   * A classifier made of {@code model}, which maps a batch of inputs to class scores (before
   * softmax): the network adds Softmax-with-Loss, weight decay and accuracy. It bears the model's
   * name, and its parameters are the model's, under the same names.
   */
  public static Network of(Module model) {
    return new ModelNetwork(model);
  }

  /** The L2 coefficient λ of the book's weight decay (0 by default). */
  public double weightDecay() {
    return weightDecay;
  }

  /** Sets the L2 coefficient λ of the weight decay over every weight named {@code .W}. */
  public void setWeightDecay(double lambda) {
    this.weightDecay = lambda;
  }

  /** Applies the layers in the order they were added, each in its own scope. */
  @Override
  public Tensor forward(Tensor x) {
    return applyChildrenInOrder(x);
  }

  /** Class scores (before softmax), recorded under this network's scope. */
  public Tensor predict(Tensor x) {
    return apply(x);
  }

  /** Mean Softmax-with-Loss over the batch, plus weight decay. */
  public Tensor loss(Tensor x, int[] labels) {
    return lossOf(x, scores -> F.softmaxWithLoss(scores, labels));
  }

  /** The same against one-hot targets. */
  public Tensor loss(Tensor x, Tensor oneHot) {
    return lossOf(x, scores -> F.softmaxWithLoss(scores, oneHot));
  }

  private Tensor lossOf(Tensor x, UnaryOperator<Tensor> criterion) {
    try (Tape.Scope net = Tape.scope(name())) {
      Tensor scores = forward(x);
      Tensor loss;
      try (Tape.Scope layer = Tape.scope("SoftmaxWithLoss")) {
        loss = criterion.apply(scores);
      }
      return withWeightDecay(loss);
    }
  }

  private Tensor withWeightDecay(Tensor loss) {
    if (weightDecay == 0) {
      return loss;
    }
    try (Tape.Scope scope = Tape.scope("WeightDecay")) {
      Tensor penalty = null;
      for (Map.Entry<String, Tensor> p : parameters().entrySet()) {
        if (p.getKey().endsWith(".W")) {
          Tensor term = p.getValue().pow(2).sum();
          penalty = penalty == null ? term : penalty.add(term);
        }
      }
      return penalty == null ? loss : loss.add(penalty.mul(0.5 * weightDecay));
    }
  }

  /**
   * Fraction of correctly classified samples, from {@link #predictedClasses} (the last batch may be
   * smaller; every sample counts).
   */
  public double accuracy(Tensor x, int[] labels, int batchSize) {
    if (labels.length != x.dim(0)) {
      throw new IllegalArgumentException(
          "accuracy: " + labels.length + " labels for " + x.dim(0) + " samples");
    }
    int[] predicted = predictedClasses(x, batchSize);
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == labels[i]) {
        correct++;
      }
    }
    return labels.length == 0 ? 0 : (double) correct / labels.length;
  }

  /**
   * The highest-scoring class of every sample of {@code x}, in evaluation mode (the previous mode
   * is restored) and in batches of {@code batchSize}, each batch a {@code slice} on its own {@link
   * Tape#inference()} tape: nothing is recorded and the batches reuse one another's arrays.
   */
  public int[] predictedClasses(Tensor x, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    boolean wasTraining = isTraining();
    eval();
    int n = x.dim(0);
    int[] predicted = new int[n];
    try {
      for (int start = 0; start < n; start += batchSize) {
        int end = Math.min(n, start + batchSize);
        try (Tape batch = Tape.inference()) {
          double[] best = predict(x.slice(start, end)).argmax(1).data();
          for (int i = 0; i < best.length; i++) {
            predicted[start + i] = (int) best[i];
          }
        }
      }
    } finally {
      if (wasTraining) {
        train();
      }
    }
    return predicted;
  }

  /** Gradients of the loss with respect to every parameter, by backpropagation on a tape. */
  public Map<String, Tensor> gradients(Tensor x, int[] labels) {
    zeroGrad();
    try (Tape tape = Tape.record()) {
      tape.backward(loss(x, labels));
    }
    Map<String, Tensor> grads = new LinkedHashMap<>();
    parameters()
        .forEach(
            (name, p) -> grads.put(name, p.grad() != null ? p.grad() : Tensor.zeros(p.shape())));
    return grads;
  }

  /**
   * The book's chapter-4 numerical gradient: central differences with step {@code h} (the book uses
   * 1e-4) on every parameter element. Slow; for checking and teaching.
   */
  public Map<String, Tensor> numericalGradients(Tensor x, int[] labels, double h) {
    Map<String, Tensor> grads = new LinkedHashMap<>();
    try (Tape.Scope paused = Tape.noGrad()) {
      for (Map.Entry<String, Tensor> p : parameters().entrySet()) {
        double[] w = p.getValue().data();
        double[] g = new double[w.length];
        for (int i = 0; i < w.length; i++) {
          double saved = w[i];
          w[i] = saved + h;
          double plus = loss(x, labels).item();
          w[i] = saved - h;
          double minus = loss(x, labels).item();
          w[i] = saved;
          g[i] = (plus - minus) / (2 * h);
        }
        grads.put(p.getKey(), Tensor.wrap(g, p.getValue().shape()));
      }
    }
    return grads;
  }
}
