package dev.groundstream.eval.protocol;

import dev.groundstream.avro.PhraseEvaluation;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of one category: evaluable phrases, hits per {@link HitMetric} and the attention-correctness
 * sum. Counts can be added and subtracted so a streaming aggregate stays exact when an evaluation is
 * replaced. The attention sum is kept in fixed point (1e-9 units) because float sums do not return to 0
 * after add-then-subtract.
 */
public final class CategoryCounts {

    static final double ATTENTION_UNITS_PER_ONE = 1e9;

    private long evaluablePhrases;
    private final EnumMap<HitMetric, Long> hits = new EnumMap<>(HitMetric.class);
    private long attentionPhrases;
    private long attentionUnits;

    public CategoryCounts() {
        for (HitMetric metric : HitMetric.values()) {
            hits.put(metric, 0L);
        }
    }

    /** Rebuilds counts, e.g. from a state store. */
    public static CategoryCounts of(long evaluablePhrases, Map<HitMetric, Long> hits,
                                    long attentionPhrases, long attentionUnits) {
        CategoryCounts counts = new CategoryCounts();
        counts.evaluablePhrases = evaluablePhrases;
        counts.hits.putAll(hits);
        counts.attentionPhrases = attentionPhrases;
        counts.attentionUnits = attentionUnits;
        return counts;
    }

    void add(PhraseEvaluation phrase, int sign) {
        evaluablePhrases += sign;
        for (HitMetric metric : HitMetric.values()) {
            if (metric.isHit(phrase)) {
                hits.merge(metric, (long) sign, Long::sum);
            }
        }
        Float attention = phrase.getAttentionCorrectness();
        if (attention != null) {
            attentionPhrases += sign;
            attentionUnits += sign * attentionUnits(attention);
        }
    }

    static long attentionUnits(float attention) {
        return Math.round((double) attention * ATTENTION_UNITS_PER_ONE);
    }

    boolean hasNegativeCount() {
        return evaluablePhrases < 0 || attentionPhrases < 0 || attentionUnits < 0
                || hits.values().stream().anyMatch(count -> count < 0);
    }

    public boolean isZero() {
        return evaluablePhrases == 0 && attentionPhrases == 0 && attentionUnits == 0
                && hits.values().stream().allMatch(count -> count == 0);
    }

    CategoryCounts copy() {
        return of(evaluablePhrases, hits, attentionPhrases, attentionUnits);
    }

    /** Denominator of every rate: phrases with at least one truth box and not notvisual. */
    public long evaluablePhrases() {
        return evaluablePhrases;
    }

    public long hits(HitMetric metric) {
        return hits.get(metric);
    }

    public Map<HitMetric, Long> hits() {
        return new EnumMap<>(hits);
    }

    public long attentionPhrases() {
        return attentionPhrases;
    }

    public long attentionUnits() {
        return attentionUnits;
    }

    /** hits / evaluable phrases; 0 when nothing is evaluable (the AccuracySnapshot default). */
    public double rate(HitMetric metric) {
        return evaluablePhrases == 0 ? 0.0 : (double) hits(metric) / evaluablePhrases;
    }

    public double recallAt1() {
        return rate(HitMetric.RECALL_AT_1);
    }

    public double recallAt5() {
        return rate(HitMetric.RECALL_AT_5);
    }

    public double recallAt10() {
        return rate(HitMetric.RECALL_AT_10);
    }

    public double recallUpperBound() {
        return rate(HitMetric.RECALL_UPPER_BOUND);
    }

    public double mergedBoxAccuracy() {
        return rate(HitMetric.MERGED_BOX);
    }

    /** Pointing game accuracy: hits / (hits + misses) over evaluable phrases. */
    public double pointingAccuracy() {
        return rate(HitMetric.POINTING);
    }

    /** Mean attention correctness over the evaluable phrases that had a heatmap; 0 without any. */
    public double meanAttentionCorrectness() {
        return attentionPhrases == 0 ? 0.0 : attentionUnits / ATTENTION_UNITS_PER_ONE / attentionPhrases;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryCounts that
                && evaluablePhrases == that.evaluablePhrases
                && attentionPhrases == that.attentionPhrases
                && attentionUnits == that.attentionUnits
                && hits.equals(that.hits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(evaluablePhrases, hits, attentionPhrases, attentionUnits);
    }

    @Override
    public String toString() {
        return "CategoryCounts{evaluable=" + evaluablePhrases + ", hits=" + hits
                + ", attentionPhrases=" + attentionPhrases + ", attentionUnits=" + attentionUnits + '}';
    }
}
