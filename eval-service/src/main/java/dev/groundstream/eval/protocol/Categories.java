package dev.groundstream.eval.protocol;

import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The aggregation categories of ARCHITECTURE §4: "all" plus the eight Flickr30k Entities types
 * (notvisual is never evaluable, so it is never a category). As in MDETR/GLIP flickr_eval.py, a phrase
 * counts once in "all" and once in each of its types; a type listed twice on one phrase counts once.
 */
public final class Categories {

    public static final String ALL = "all";

    private Categories() {
    }

    /** "all" followed by the eight types, in schema order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(ALL);
        for (PhraseType type : PhraseType.values()) {
            if (type != PhraseType.notvisual) {
                names.add(type.name());
            }
        }
        return names;
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
