package dev.tapegrad.autograd;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A dynamic tape: while open (try-with-resources) on its thread, every op whose inputs need a
 * gradient appends a {@link Node}; {@link #backward} walks the nodes in reverse recording order,
 * which is already topological, applying each backward rule and adding up gradients where a value
 * branched.
 *
 * <pre>{@code
 * Tensor x = Tensor.scalar(2).requiresGrad();
 * try (Tape tape = Tape.record()) {
 *   Tensor y = x.pow(4).sub(x.pow(2).mul(2));
 *   tape.backward(y);               // x.grad() is 24
 * }
 * }</pre>
 *
 * <p>Semantics worth knowing:
 *
 * <ul>
 *   <li>Outside an open tape nothing is recorded, so inference pays nothing for the graph.
 *   <li>Gradients of leaves (tensors marked {@link Tensor#requiresGrad()} that no op produced)
 *       <em>accumulate</em> in {@link Tensor#grad()} across backward calls until {@link
 *       Tensor#zeroGrad()}. Gradients of intermediate values from the last backward pass are kept
 *       on the tape ({@link #gradOf}) for diagrams.
 *   <li>A backward pass frees each node's saved tensors unless {@link GradOption#RETAIN_GRAPH} or
 *       {@link GradOption#CREATE_GRAPH} is given; walking a freed node again is an error.
 *   <li>A tape belongs to the thread that opened it. Tapes nest; the innermost one records.
 *   <li>A value recorded on another tape (an outer one, or one already closed) is followed there by
 *       a backward pass, as PyTorch follows its one graph; a value whose tape was closed with
 *       {@link #recycling()} no longer has what its backward needs, and reaching it is an error.
 *   <li>A tape opened with {@link #recycling()} is given an arena that takes its values' memory
 *       back when it closes, for later ops to reuse; reading one of them afterwards throws.
 * </ul>
 */
public final class Tape implements AutoCloseable {
  private static final ThreadLocal<Tape> CURRENT = new ThreadLocal<>();

  /** Numbers every node in recording order, across tapes and threads ({@link Node#sequence}). */
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Tape outer;
  private final Thread owner = Thread.currentThread();
  private final List<Node> nodes = new ArrayList<>();

  /** The gradients of the last backward pass, by value. */
  private Map<Tensor, Tensor> gradients = Map.of();

  private String scope = "";
  private int paused;
  private boolean detectAnomalies;
  private boolean inference;

  /** Where the memory of this tape's values goes when it closes; {@code null}: to the collector. */
  private Arena arena;

  private boolean closed;

  private Tape(Tape outer) {
    this.outer = outer;
  }

  /** Opens a tape on the current thread; close it to stop recording. */
  public static Tape record() {
    Tape tape = new Tape(CURRENT.get());
    CURRENT.set(tape);
    return tape;
  }

  /**
   * Opens a tape for inference (PyTorch's {@code inference_mode}): it records nothing, and when it
   * closes, the memory of the results of every op computed inside it is taken back for reuse, as
   * {@link #recycling()} does for recorded values. A loop over batches that opens one per batch
   * therefore reuses warm arrays instead of allocating new ones. Read what you need before it
   * closes, or {@link #keep} it; any later access to a recycled value throws.
   *
   * <p>Never recycled: a result that shares its array with one of its op's inputs (a {@code
   * reshape} of a parameter), kept tensors, and anything computed outside the tape. The tape holds
   * its results weakly, so one tape around a long loop does not keep them all in memory (those the
   * garbage collector took are simply not recycled).
   */
  public static Tape inference() {
    Tape tape = record();
    tape.arena = new Arena(tape, true);
    tape.paused = 1;
    tape.inference = true;
    return tape;
  }

  /** Called by {@link Op#record} for a result it does not record: an inference tape adopts it. */
  void unrecordedResult(Tensor output, List<Tensor> inputs) {
    if (arena != null) {
      arena.adoptUnrecorded(output, inputs);
    }
  }

  /** Whether this tape records ops now (it is not paused by {@link #noGrad}). */
  boolean isRecordingNow() {
    return paused == 0;
  }

  /** The innermost open tape of this thread that is recording now, or {@code null}. */
  static Tape recording() {
    Tape tape = CURRENT.get();
    return tape == null || !tape.isRecordingNow() ? null : tape;
  }

  /**
   * The innermost open tape of this thread (recording or paused), or {@code null} if none is open.
   * Lets a function that takes gradients itself (such as a gradient penalty) use the tape its
   * caller opened.
   */
  public static Tape current() {
    return CURRENT.get();
  }

  /** Whether an open tape on this thread would record an op now. */
  public static boolean isRecording() {
    return recording() != null;
  }

  /**
   * Enables anomaly mode: the first node whose output (forward) or input gradient (backward)
   * contains NaN or infinity throws an {@link AnomalyException} naming the op, its scope and its
   * input shapes. Costs one scan of every value.
   */
  public Tape detectAnomalies() {
    this.detectAnomalies = true;
    return this;
  }

  /**
   * Gives this tape an arena: when it closes, the memory of the values it recorded is taken back,
   * and later ops on this thread take their results from it (warm memory instead of new arrays):
   * node outputs, tensors their ops {@linkplain Op#saves saved}, and the gradients of the last
   * backward pass ({@link #gradOf}, {@link #grad}). Views of them ({@code reshape}, {@code detach},
   * {@code slice}) go with them. Any later access to their values throws an {@link
   * IllegalStateException}; keep a value with {@link #keep} before closing, or a {@code copy()}
   * made inside the tape.
   *
   * <p>Never recycled: leaves (parameters, inputs), constants and values of outer tapes, the
   * leaves' accumulated {@code grad()}, seeds passed to backward, kept tensors, and any value that
   * shares its array with one of those.
   *
   * <p>Not guarded: a raw array taken with {@code data()} inside the tape, or a tensor made with
   * {@code Tensor.wrap(t.data(), ...)} around one, may see its numbers overwritten by a later op
   * once the tape is closed.
   */
  public Tape recycling() {
    if (arena == null) {
      arena = new Arena(this, false);
    }
    return this;
  }

  /**
   * Keeps {@code t} (and every view sharing its array) from being recycled when this tape closes;
   * returns it. Only matters on a tape opened with {@link #recycling()}.
   */
  public Tensor keep(Tensor t) {
    checkOpen("keep");
    if (arena != null) {
      arena.keep(t);
    }
    return t;
  }

  /**
   * Opens a named scope on the current tape, if any: nodes recorded until it closes carry the path
   * {@code outer/name}. Without an open tape, or on an {@link #inference} tape (which records
   * nothing), this is a no-op, so layers can always call it.
   */
  public static Scope scope(String name) {
    Tape tape = CURRENT.get();
    if (tape == null || tape.inference) {
      return Scope.NONE;
    }
    String previous = tape.scope;
    tape.scope = previous.isEmpty() ? name : previous + "/" + name;
    return () -> tape.scope = previous;
  }

  /**
   * Suspends recording on the current tape until the returned scope closes (for optimizer updates,
   * metrics, and other work that must not enter the graph).
   */
  public static Scope noGrad() {
    Tape tape = CURRENT.get();
    if (tape == null) {
      return Scope.NONE;
    }
    tape.paused++;
    return () -> tape.paused--;
  }

  /** How many of an inference tape's results are still reachable (for tests). */
  int liveUnrecordedResults() {
    return arena == null ? 0 : arena.liveUnrecorded();
  }

  /** How many results an inference tape tracks, collected ones included (for tests). */
  int trackedUnrecordedResults() {
    return arena == null ? 0 : arena.trackedUnrecorded();
  }

  /** The recorded nodes in order. */
  public List<Node> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  /**
   * The gradient that the last backward pass computed for {@code t} (any value in the graph, not
   * only leaves), or {@code null} if it received none.
   */
  public Tensor gradOf(Tensor t) {
    return gradients.get(t);
  }

  /** Backward from a scalar (one-element) output; leaf gradients accumulate in {@code grad()}. */
  public void backward(Tensor output, GradOption... options) {
    backward(output, null, options);
  }

  /**
   * Backward from any output, seeded with {@code seed} (the gradient of the loss with respect to
   * {@code output}, same shape); a {@code null} seed is allowed for a one-element output only.
   */
  public void backward(Tensor output, Tensor seed, GradOption... options) {
    Map<Tensor, Tensor> grads = run("backward", output, seed, options);
    for (Map.Entry<Tensor, Tensor> e : grads.entrySet()) {
      Tensor t = e.getKey();
      if (t.creator() == null && t.needsGrad()) {
        t.accumulateGrad(e.getValue());
      }
    }
  }

  /**
   * The gradient of a one-element {@code output} with respect to {@code input}, without touching
   * any {@code grad()} field (like {@code torch.autograd.grad}). Zeros if {@code output} does not
   * depend on {@code input}. With {@link GradOption#CREATE_GRAPH} the result is differentiable.
   */
  public Tensor grad(Tensor output, Tensor input, GradOption... options) {
    return grad(output, List.of(input), options).get(0);
  }

  /** Gradients of a one-element {@code output} with respect to several inputs. */
  public List<Tensor> grad(Tensor output, List<Tensor> inputs, GradOption... options) {
    for (int i = 0; i < inputs.size(); i++) {
      if (!inputs.get(i).needsGrad()) {
        throw new IllegalArgumentException(
            "grad: input "
                + i
                + " does not require a gradient, so the tape did not follow it;"
                + " call requiresGrad() on it before the forward pass");
      }
    }
    Map<Tensor, Tensor> grads = run("grad", output, null, options);
    List<Tensor> result = new ArrayList<>(inputs.size());
    for (Tensor x : inputs) {
      Tensor g = grads.get(x);
      result.add(g != null ? g : Tensor.zeros(x.shape()));
    }
    return result;
  }

  private Map<Tensor, Tensor> run(String what, Tensor output, Tensor seed, GradOption[] options) {
    checkOpen(what);
    EnumSet<GradOption> opts = EnumSet.noneOf(GradOption.class);
    Collections.addAll(opts, options);
    boolean createGraph = opts.contains(GradOption.CREATE_GRAPH);
    boolean retain = createGraph || opts.contains(GradOption.RETAIN_GRAPH);
    if (!output.needsGrad()) {
      throw new IllegalArgumentException(
          what
              + ": the output does not require a gradient: no input requires one, or it was"
              + " computed outside an open tape");
    }
    if (seed == null) {
      if (output.size() != 1) {
        throw new IllegalArgumentException(
            what
                + ": output has shape "
                + Shape.format(output.shape())
                + "; a non-scalar output needs a seed gradient of that shape");
      }
      seed = Tensor.ones(output.shape());
    } else if (!java.util.Arrays.equals(seed.shape(), output.shape())) {
      throw new IllegalArgumentException(
          what
              + ": seed shape "
              + Shape.format(seed.shape())
              + " differs from output shape "
              + Shape.format(output.shape()));
    } else if (arena != null) {
      arena.keep(seed);
    }
    Node last = output.creator();
    if (last != null && last.tape() != this) {
      throw new IllegalArgumentException(what + ": the output was recorded on a different tape");
    }
    Tape recordingTape = CURRENT.get();
    if (!createGraph) {
      recordingTape.paused++;
    }
    try {
      gradients = new BackwardPass(this, retain, detectAnomalies).run(output, seed);
    } finally {
      if (!createGraph) {
        recordingTape.paused--;
      }
    }
    return gradients;
  }

  /** Drops what a backward pass no longer needs from {@code node}, one of this tape's nodes. */
  void free(Node node) {
    List<Tensor> saved = node.release();
    if (arena != null) {
      arena.adoptFreed(saved);
    }
  }

  /** Whether this tape is closed and its arena took its values back. */
  boolean isClosedWithArena() {
    return closed && arena != null;
  }

  /** Appends a node; called by {@link Op#record}. */
  Node append(
      String op,
      ImmutableList<Tensor> inputs,
      Tensor output,
      ImmutableMap<String, Object> attributes,
      Expansion expansion,
      BackwardRule rule,
      ImmutableList<Tensor> saved) {
    checkOpen(op);
    Node node =
        new Node(
            this,
            nodes.size(),
            SEQUENCE.getAndIncrement(),
            op,
            inputs,
            output,
            scope,
            attributes,
            expansion,
            rule,
            saved);
    if (detectAnomalies && !output.isFinite()) {
      throw new AnomalyException(
          "forward of " + node.describe() + " produced a non-finite value", node);
    }
    nodes.add(node);
    return node;
  }

  private void checkOpen(String what) {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException(
          what + ": a tape belongs to the thread that opened it (" + owner.getName() + ")");
    }
    if (closed) {
      throw new IllegalStateException(what + ": the tape is closed");
    }
  }

  /**
   * Stops recording. The nodes stay readable (for diagrams) until the tape is dropped; on a tape
   * given an arena ({@link #recycling()}) their values are freed, and so are their saved tensors.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (CURRENT.get() != this) {
      throw new IllegalStateException("tapes must be closed innermost first, on their own thread");
    }
    closed = true;
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
    if (arena != null) {
      arena.close(nodes, gradients);
    }
  }

  /** A region opened by {@link #scope} or {@link #noGrad}; closing it restores the state. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    Scope NONE = () -> {};

    @Override
    void close();
  }
}
