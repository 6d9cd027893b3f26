package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.eval.stats.PairedCounts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pairs two models' evaluations of the same request phrase by phrase, for McNemar's test. A phrase
 * enters the table only when both evaluations have it and both mark it evaluable (same truth, same
 * phrases); duplicate phrase ids use their first entry. Per category, a pair counts in "all" and in
 * each of its phrase types ({@link Categories#of}, from the truth, so the same for both models).
 */
public final class PairedEvaluations {

    private PairedEvaluations() {
    }

    /** Adds the request's paired outcomes under {@code metric} to {@code counts}. */
    public static void add(Evaluation a, Evaluation b, HitMetric metric, PairedCounts counts) {
        visit(a, b, metric, (phrase, aRight, bRight) -> counts.add(aRight, bRight));
    }

    /** Removes what {@link #add} added for the same two evaluations (when one of them is replaced). */
    public static void remove(Evaluation a, Evaluation b, HitMetric metric, PairedCounts counts) {
        visit(a, b, metric, (phrase, aRight, bRight) -> counts.remove(aRight, bRight));
    }

    /** Adds the request's paired outcomes to the table of each category they count in (created on first use). */
    public static void addByCategory(Evaluation a, Evaluation b, HitMetric metric, Map<String, PairedCounts> tables) {
        visit(a, b, metric, (phrase, aRight, bRight) -> {
            for (String category : Categories.of(phrase)) {
                tables.computeIfAbsent(category, any -> new PairedCounts()).add(aRight, bRight);
            }
        });
    }

    /** An empty table per category, in {@link Categories#names()} order, for {@link #addByCategory}. */
    public static Map<String, PairedCounts> emptyTables() {
        Map<String, PairedCounts> tables = new LinkedHashMap<>();
        Categories.names().forEach(name -> tables.put(name, new PairedCounts()));
        return tables;
    }

    private interface PairVisitor {
        void pair(PhraseEvaluation phraseA, boolean aRight, boolean bRight);
    }

    /** One paired phrase: a's and b's evaluation of the same phrase id, both evaluable. */
    public interface PhrasePairVisitor {
        void pair(PhraseEvaluation phraseA, PhraseEvaluation phraseB);
    }

    private static void visit(Evaluation a, Evaluation b, HitMetric metric, PairVisitor visitor) {
        forEachPhrasePair(a, b, (phraseA, phraseB) -> visitor.pair(phraseA, metric.isHit(phraseA), metric.isHit(phraseB)));
    }

    /** The phrases the paired tables count, under the rules above, for every metric at once. */
    public static void forEachPhrasePair(Evaluation a, Evaluation b, PhrasePairVisitor visitor) {
        if (!a.getRequestId().equals(b.getRequestId())) {
            throw new IllegalArgumentException("evaluations are for different requests");
        }
        Map<String, PhraseEvaluation> bById = new HashMap<>();
        for (PhraseEvaluation phrase : b.getPhrases()) {
            bById.putIfAbsent(phrase.getPhraseId(), phrase);
        }
        Set<String> seen = new HashSet<>();
        for (PhraseEvaluation phraseA : a.getPhrases()) {
            PhraseEvaluation phraseB = bById.get(phraseA.getPhraseId());
            if (!seen.add(phraseA.getPhraseId()) || phraseB == null
                    || !phraseA.getEvaluable() || !phraseB.getEvaluable()) {
                continue;
            }
            visitor.pair(phraseA, phraseB);
        }
    }
}
