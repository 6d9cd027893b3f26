package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.eval.stats.PairedCounts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Pairs two models' evaluations of the same request phrase by phrase, for McNemar's test. A phrase
 * enters the table only when both evaluations have it and both mark it evaluable (same truth, same
 * phrases); duplicate phrase ids use their first entry.
 */
public final class PairedEvaluations {

    private PairedEvaluations() {
    }

    /** Adds the request's paired outcomes under {@code metric} to {@code counts}. */
    public static void add(Evaluation a, Evaluation b, HitMetric metric, PairedCounts counts) {
        visit(a, b, metric, counts, true);
    }

    /** Removes what {@link #add} added for the same two evaluations (when one of them is replaced). */
    public static void remove(Evaluation a, Evaluation b, HitMetric metric, PairedCounts counts) {
        visit(a, b, metric, counts, false);
    }

    private static void visit(Evaluation a, Evaluation b, HitMetric metric, PairedCounts counts, boolean add) {
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
            boolean aRight = metric.isHit(phraseA);
            boolean bRight = metric.isHit(phraseB);
            if (add) {
                counts.add(aRight, bRight);
            } else {
                counts.remove(aRight, bRight);
            }
        }
    }
}
