package dev.groundstream.eval.protocol;

import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Counts by category name: an array slot for each of the known categories ("all" and the types) and
 * a sorted map for any other name. Aggregates are decoded, updated and encoded once per window on every
 * evaluation, so the common case avoids map lookups and entry objects.
 */
final class CategorySlots {
    private static final List<String> KNOWN = Categories.names();

    private final CategoryCounts[] known = new CategoryCounts[KNOWN.size()];
    private TreeMap<String, CategoryCounts> others; // created on first use: rarely needed

    CategoryCounts get(String category) {
        int i = Categories.indexOf(category);
        if (i >= 0) {
            return known[i];
        }
        return others == null ? null : others.get(category);
    }

    CategoryCounts getOrCreate(String category) {
        int i = Categories.indexOf(category);
        if (i >= 0) {
            return getOrCreate(i);
        }
        if (others == null) {
            others = new TreeMap<>();
        }
        return others.computeIfAbsent(category, name -> new CategoryCounts());
    }

    CategoryCounts getOrCreate(int knownIndex) {
        CategoryCounts counts = known[knownIndex];
        if (counts == null) {
            counts = new CategoryCounts();
            known[knownIndex] = counts;
        }
        return counts;
    }

    void put(String category, CategoryCounts counts) {
        int i = Categories.indexOf(category);
        if (i >= 0) {
            known[i] = counts;
        } else {
            if (others == null) {
                others = new TreeMap<>();
            }
            others.put(category, counts);
        }
    }

    void remove(String category) {
        int i = Categories.indexOf(category);
        if (i >= 0) {
            known[i] = null;
        } else if (others != null) {
            others.remove(category);
        }
    }

    /** Known categories in {@link Categories#names()} order, then the others by name. */
    void forEach(BiConsumer<String, CategoryCounts> action) {
        for (int i = 0; i < known.length; i++) {
            if (known[i] != null) {
                action.accept(KNOWN.get(i), known[i]);
            }
        }
        if (others != null) {
            others.forEach(action);
        }
    }

    int size() {
        int size = others == null ? 0 : others.size();
        for (CategoryCounts counts : known) {
            if (counts != null) {
                size++;
            }
        }
        return size;
    }
}
