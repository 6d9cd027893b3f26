package dev.groundstream.eval.streams;

import dev.groundstream.eval.protocol.CategoryAccumulator;
import dev.groundstream.eval.protocol.CategoryCounts;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The aggregate of one (model, dataset[, window]): per-category counts plus every category ever
 * counted, so a category whose counts fall back to zero after a re-evaluation still gets a
 * zero snapshot on grounding.metrics instead of keeping its stale one.
 */
public final class MetricAggregate {
  private CategoryAccumulator counts;
  private final TreeSet<String> seenCategories;

  public MetricAggregate() {
    this(new CategoryAccumulator(), Set.of());
  }

  MetricAggregate(CategoryAccumulator counts, Set<String> seenCategories) {
    this.counts = counts;
    this.seenCategories = new TreeSet<>(seenCategories);
  }

  /**
   * Adds or subtracts one evaluation. A subtraction of something never added (only possible when the
   * add fell outside a window's grace but the subtraction did not) is refused and reported false.
   */
  public boolean apply(EvaluationDelta delta) {
    try {
      if (delta.sign() > 0) {
        counts.add(delta.counts());
      } else {
        counts.subtract(delta.counts());
      }
    } catch (IllegalStateException neverAdded) {
      return false;
    }
    counts.forEachCategory((category, ignored) -> seenCategories.add(category));
    return true;
  }

  public CategoryCounts category(String category) {
    return counts.category(category);
  }

  public Map<String, CategoryCounts> nonZeroCategories() {
    return counts.categories();
  }

  public Set<String> seenCategories() {
    return Set.copyOf(seenCategories);
  }

  /** For the store encoding, which only reads it (no copies). */
  CategoryAccumulator accumulator() {
    return counts;
  }

  Set<String> seenCategoriesView() {
    return java.util.Collections.unmodifiableSet(seenCategories);
  }
}
