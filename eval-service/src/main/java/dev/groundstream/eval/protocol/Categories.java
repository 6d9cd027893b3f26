package dev.groundstream.eval.protocol;

import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregation categories of docs/architecture.md §5: "all" plus the eight Flickr30k Entities types
 * (notvisual is never evaluable, so it is never a category). As in MDETR/GLIP flickr_eval.py, a phrase
 * counts once in "all" and once in each of its types; a type listed twice on one phrase counts once.
 */
public final class Categories {

    public static final String ALL = "all";

    private Categories() {
    }

    private static final List<String> NAMES = computeNames();
    private static final Map<String, Integer> INDEX = computeIndex();

    /** "all" followed by the eight types, in schema order (immutable). */
    public static List<String> names() {
        return NAMES;
    }

    /** The position of a category in {@link #names()}, or -1 for any other name. */
    public static int indexOf(String category) {
        Integer index = INDEX.get(category);
        return index == null ? -1 : index;
    }

    private static List<String> computeNames() {
        List<String> names = new ArrayList<>();
        names.add(ALL);
        for (PhraseType type : PhraseType.values()) {
            if (type != PhraseType.notvisual) {
                names.add(type.name());
            }
        }
        return List.copyOf(names);
    }

    private static Map<String, Integer> computeIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            index.put(NAMES.get(i), i);
        }
        return Map.copyOf(index);
    }

    /** The categories an evaluable phrase counts in; empty for a non-evaluable phrase. */
    public static List<String> of(PhraseEvaluation phrase) {
        if (!phrase.getEvaluable()) {
            return List.of();
        }
        EnumSet<PhraseType> types = phrase.getTypes().isEmpty()
                ? EnumSet.noneOf(PhraseType.class)
                : EnumSet.copyOf(phrase.getTypes());
        types.remove(PhraseType.notvisual);
        List<String> categories = new ArrayList<>(types.size() + 1);
        categories.add(ALL);
        for (PhraseType type : types) {
            categories.add(type.name());
        }
        return categories;
    }
}
