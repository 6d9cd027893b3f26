package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Per-category counts over many evaluations (for one model, dataset and window). {@link #add} and
 * {@link #subtract} are exact inverses, so an aggregate that subtracts the old evaluation of a request
 * and adds the new one equals an aggregate built from the new one alone. Subtracting something that was
 * never added would drive a count below zero: that is refused as a whole, leaving the state unchanged.
 */
public final class CategoryAccumulator {

    private final CategorySlots byCategory = new CategorySlots();

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

    /** The counts of one evaluation alone: what {@link #add(Evaluation)} would add to an empty accumulator. */
    public static CategoryAccumulator of(Evaluation evaluation) {
        return new CategoryAccumulator().add(evaluation);
    }

    public CategoryAccumulator add(Evaluation evaluation) {
        for (PhraseEvaluation phrase : evaluation.getPhrases()) {
            for (String category : Categories.of(phrase)) {
                byCategory.getOrCreate(category).add(phrase, +1);
            }
        }
        return this;
    }

    /** @throws IllegalStateException when a count would go negative; nothing is changed then */
    public CategoryAccumulator subtract(Evaluation evaluation) {
        return subtract(of(evaluation));
    }

    /** Adds every category's counts of {@code other}. */
    public CategoryAccumulator add(CategoryAccumulator other) {
        other.byCategory.forEach((category, counts) -> {
            if (!counts.isZero()) {
                byCategory.getOrCreate(category).add(counts, +1);
            }
        });
        return this;
    }

    /**
     * Takes {@code other}'s counts out, all or nothing.
     *
     * @throws IllegalStateException when a count would go negative (it was never added); nothing is changed then
     */
    public CategoryAccumulator subtract(CategoryAccumulator other) {
        if (other == this) {
            other = of(categories()); // it is visited while this one changes
        }
        other.byCategory.forEach((category, counts) -> {
            CategoryCounts mine = byCategory.get(category);
            if (!counts.isZero() && (mine == null || !mine.covers(counts))) {
                throw new IllegalStateException("subtracting drives category " + category
                        + " below zero: it was never added");
            }
        });
        other.byCategory.forEach((category, counts) -> {
            CategoryCounts mine = byCategory.get(category);
            if (mine != null) {
                mine.add(counts, -1);
                if (mine.isZero()) {
                    byCategory.remove(category);
                }
            }
        });
        return this;
    }

    /**
     * Visits the non-zero categories without copying (for encoders and hot paths): the known categories
     * in {@link Categories#names()} order, then any other by name. The counts must not be kept.
     */
    public void forEachCategory(BiConsumer<String, CategoryCounts> action) {
        byCategory.forEach(action);
    }

    /** How many categories {@link #forEachCategory} visits. */
    public int categoryCount() {
        return byCategory.size();
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
        boolean[] empty = {true};
        byCategory.forEach((category, counts) -> empty[0] &= counts.isZero());
        return empty[0];
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
        return "CategoryAccumulator" + categories();
    }
}
