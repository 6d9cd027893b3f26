package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per-category counts over many evaluations (for one model, dataset and window). {@link #add} and
 * {@link #subtract} are exact inverses, so an aggregate that subtracts the old evaluation of a request
 * and adds the new one equals an aggregate built from the new one alone. Subtracting something that was
 * never added would drive a count below zero: that is refused as a whole, leaving the state unchanged.
 */
public final class CategoryAccumulator {

    private final TreeMap<String, CategoryCounts> byCategory = new TreeMap<>();

    /** Rebuilds an accumulator from stored counts (e.g. a state store); zero categories are dropped. */
    public static CategoryAccumulator of(Map<String, CategoryCounts> counts) {
        CategoryAccumulator accumulator = new CategoryAccumulator();
        counts.forEach((category, value) -> {
            if (value.hasNegativeCount()) {
                throw new IllegalArgumentException("negative count in category " + category);
            }
            if (!value.isZero()) {
                accumulator.byCategory.put(category, value.copy());
            }
        });
        return accumulator;
    }

    public CategoryAccumulator add(Evaluation evaluation) {
        apply(evaluation, +1, byCategory);
        return this;
    }

    /** @throws IllegalStateException when a count would go negative; nothing is changed then */
    public CategoryAccumulator subtract(Evaluation evaluation) {
        TreeMap<String, CategoryCounts> trial = new TreeMap<>();
        byCategory.forEach((category, counts) -> trial.put(category, counts.copy()));
        apply(evaluation, -1, trial);
        for (Map.Entry<String, CategoryCounts> entry : trial.entrySet()) {
            if (entry.getValue().hasNegativeCount()) {
                throw new IllegalStateException("subtracting evaluation of request " + evaluation.getRequestId()
                        + " drives category " + entry.getKey() + " below zero: it was never added");
            }
        }
        byCategory.clear();
        trial.forEach((category, counts) -> {
            if (!counts.isZero()) {
                byCategory.put(category, counts);
            }
        });
        return this;
    }

    private static void apply(Evaluation evaluation, int sign, Map<String, CategoryCounts> target) {
        for (PhraseEvaluation phrase : evaluation.getPhrases()) {
            for (String category : Categories.of(phrase)) {
                target.computeIfAbsent(category, name -> new CategoryCounts()).add(phrase, sign);
            }
        }
    }

    /** Counts of one category; all zero when nothing was counted there. */
    public CategoryCounts category(String category) {
        CategoryCounts counts = byCategory.get(category);
        return counts == null ? new CategoryCounts() : counts.copy();
    }

    /** Categories with a non-zero count, sorted by name. */
    public Map<String, CategoryCounts> categories() {
        TreeMap<String, CategoryCounts> copy = new TreeMap<>();
        byCategory.forEach((category, counts) -> copy.put(category, counts.copy()));
        return copy;
    }

    public boolean isEmpty() {
        return byCategory.values().stream().allMatch(CategoryCounts::isZero);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryAccumulator that && categories().equals(that.categories());
    }

    @Override
    public int hashCode() {
        return Objects.hash(categories());
    }

    @Override
    public String toString() {
        return "CategoryAccumulator" + byCategory;
    }
}
