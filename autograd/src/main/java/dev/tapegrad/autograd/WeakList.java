package dev.tapegrad.autograd;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Remembers objects without keeping them alive: a list of weak references that drops the ones the
 * garbage collector cleared (and the ones no longer {@code wanted}) whenever it has doubled since
 * the last such pass, so a list fed for as long as a program runs stays as large as what is live in
 * it, at an amortised constant cost per {@link #add}. Not thread-safe.
 */
final class WeakList<T> {
  private static final int FIRST_PRUNE = 32;

  private final Predicate<T> wanted;
  private final List<WeakReference<T>> references = new ArrayList<>();
  private int pruneAt = FIRST_PRUNE;

  /** A list that keeps what is still reachable and {@code wanted}. */
  WeakList(Predicate<T> wanted) {
    this.wanted = wanted;
  }

  void add(T item) {
    if (references.size() >= pruneAt) {
      references.removeIf(
          ref -> {
            T held = ref.get();
            return held == null || !wanted.test(held);
          });
      pruneAt = Math.max(FIRST_PRUNE, 2 * references.size());
    }
    references.add(new WeakReference<>(item));
  }

  /** The items still reachable, in the order they were added. */
  List<T> live() {
    List<T> items = new ArrayList<>(references.size());
    for (WeakReference<T> ref : references) {
      T item = ref.get();
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** How many references the list holds now, cleared ones included (for tests). */
  int trackedCount() {
    return references.size();
  }
}
