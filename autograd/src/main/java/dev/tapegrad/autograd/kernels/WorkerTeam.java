package dev.tapegrad.autograd.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads that run the parts of {@link Parallel}'s loops: the calling thread plus one daemon
 * worker per further core. A worker that finishes waits for the next loop by spinning for {@link
 * #SPIN_NANOS} before it parks, so the kernels and products of one training step, which follow each
 * other within microseconds, hand work over without a thread wake-up (30–70 µs on a VM). This is
 * how OpenMP and OpenBLAS teams behave; it is why tapegrad runs OpenBLAS on one thread.
 *
 * <p>One loop runs at a time. A call made while the team is busy (from another thread, or from
 * inside a part) runs all its parts on the calling thread, so nothing waits for itself.
 */
final class WorkerTeam {
  /** How long an idle worker keeps spinning before it parks. */
  static final long SPIN_NANOS = 200_000;

  private final Worker[] workers;
  private final AtomicBoolean busy = new AtomicBoolean();

  WorkerTeam(int threads) {
    workers = new Worker[threads - 1];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker(i + 1);
      workers[i].thread.start();
    }
  }

  /** Threads in the team, the calling thread included. */
  int size() {
    return workers.length + 1;
  }

  /**
   * Runs {@code part} for each index in {@code [0, parts)}: member {@code t} of the team takes
   * parts {@code t, t + size, ...}. Returns when all have finished; rethrows the first exception a
   * part threw.
   */
  void run(int parts, IntConsumer part) {
    if (parts <= 1 || workers.length == 0 || !busy.compareAndSet(false, true)) {
      for (int p = 0; p < parts; p++) {
        part.accept(p);
      }
      return;
    }
    try {
      int helpers = Math.min(workers.length, parts - 1);
      Loop loop = new Loop(parts, size(), part, helpers);
      for (int i = 0; i < helpers; i++) {
        workers[i].start(loop);
      }
      loop.runMember(0);
      loop.awaitHelpers();
      loop.rethrow();
    } finally {
      busy.set(false);
    }
  }

  /** One parallel loop: its parts, how they are dealt to the members, and who is still working. */
  private static final class Loop {
    private final int parts;
    private final int stride;
    private final IntConsumer part;
    private final AtomicInteger helpersRunning;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Loop(int parts, int stride, IntConsumer part, int helpers) {
      this.parts = parts;
      this.stride = stride;
      this.part = part;
      this.helpersRunning = new AtomicInteger(helpers);
    }

    void runMember(int member) {
      try {
        for (int p = member; p < parts; p += stride) {
          part.accept(p);
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }

    void helperDone() {
      helpersRunning.decrementAndGet();
    }

    /** Spins until the helpers are done; yields after a while, in case one was descheduled. */
    void awaitHelpers() {
      for (int spins = 0; helpersRunning.get() > 0; spins++) {
        if (spins < 10_000) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }

    void rethrow() {
      Throwable t = failure.get();
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }

  /** A team member other than the caller: waits for a loop, runs its share, waits again. */
  private static final class Worker implements Runnable {
    private final int member;
    private final Thread thread;
    private volatile Loop next;
    private volatile boolean parked;

    Worker(int member) {
      this.member = member;
      this.thread = new Thread(this, "tapegrad-worker-" + member);
      thread.setDaemon(true);
    }

    void start(Loop loop) {
      next = loop;
      if (parked) {
        LockSupport.unpark(thread);
      }
    }

    @Override
    public void run() {
      while (true) {
        Loop loop = awaitLoop();
        next = null;
        loop.runMember(member);
        loop.helperDone();
      }
    }

    private Loop awaitLoop() {
      long spinUntil = System.nanoTime() + SPIN_NANOS;
      while (true) {
        Loop loop = next;
        if (loop != null) {
          return loop;
        }
        if (System.nanoTime() < spinUntil) {
          Thread.onSpinWait();
          continue;
        }
        parked = true;
        if (next == null) {
          LockSupport.park(this);
        }
        parked = false;
        spinUntil = System.nanoTime() + SPIN_NANOS;
      }
    }
  }
}
