package dev.groundstream.eval.protocol;

import dev.groundstream.avro.PhraseEvaluation;
import java.util.Arrays;
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
    private static final HitMetric[] METRICS = HitMetric.values();

    private long evaluablePhrases;
    private final long[] hits = new long[METRICS.length]; // by HitMetric ordinal: no boxing on hot paths
    private long attentionPhrases;
    private long attentionUnits;

    public CategoryCounts() {
    }

    /** Rebuilds counts, e.g. from a state store; metrics absent from {@code hits} count 0. */
    public static CategoryCounts of(long evaluablePhrases, Map<HitMetric, Long> hits,
                                    long attentionPhrases, long attentionUnits) {
        CategoryCounts counts = new CategoryCounts();
        counts.evaluablePhrases = evaluablePhrases;
        hits.forEach((metric, count) -> counts.hits[metric.ordinal()] = count);
        counts.attentionPhrases = attentionPhrases;
        counts.attentionUnits = attentionUnits;
        return counts;
    }

    /**
     * Rebuilds counts from values in {@link HitMetric} ordinal order (the positional store encoding);
     * the array is copied.
     */
    public static CategoryCounts ofOrdinals(long evaluablePhrases, long[] hitsByOrdinal,
                                            long attentionPhrases, long attentionUnits) {
        if (hitsByOrdinal.length != METRICS.length) {
            throw new IllegalArgumentException("expected " + METRICS.length + " hit counts, got " + hitsByOrdinal.length);
        }
        CategoryCounts counts = new CategoryCounts();
        counts.evaluablePhrases = evaluablePhrases;
        System.arraycopy(hitsByOrdinal, 0, counts.hits, 0, METRICS.length);
        counts.attentionPhrases = attentionPhrases;
        counts.attentionUnits = attentionUnits;
        return counts;
    }

    void add(PhraseEvaluation phrase, int sign) {
        evaluablePhrases += sign;
        for (HitMetric metric : METRICS) {
            if (metric.isHit(phrase)) {
                hits[metric.ordinal()] += sign;
            }
        }
        Float attention = phrase.getAttentionCorrectness();
        if (attention != null) {
            attentionPhrases += sign;
            attentionUnits += sign * attentionUnits(attention);
        }
    }

    /** Adds (sign +1) or subtracts (sign -1) another category's counts. */
    void add(CategoryCounts other, int sign) {
        evaluablePhrases += sign * other.evaluablePhrases;
        for (int i = 0; i < hits.length; i++) {
            hits[i] += sign * other.hits[i];
        }
        attentionPhrases += sign * other.attentionPhrases;
        attentionUnits += sign * other.attentionUnits;
    }

    /** Whether subtracting {@code other} leaves every count at zero or above. */
    boolean covers(CategoryCounts other) {
        if (evaluablePhrases < other.evaluablePhrases || attentionPhrases < other.attentionPhrases
                || attentionUnits < other.attentionUnits) {
            return false;
        }
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] < other.hits[i]) {
                return false;
            }
        }
        return true;
    }

    static long attentionUnits(float attention) {
        return Math.round((double) attention * ATTENTION_UNITS_PER_ONE);
    }

    boolean hasNegativeCount() {
        if (evaluablePhrases < 0 || attentionPhrases < 0 || attentionUnits < 0) {
            return true;
        }
        for (long count : hits) {
            if (count < 0) {
                return true;
            }
        }
        return false;
    }

    public boolean isZero() {
        if (evaluablePhrases != 0 || attentionPhrases != 0 || attentionUnits != 0) {
            return false;
        }
        for (long count : hits) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    CategoryCounts copy() {
        return ofOrdinals(evaluablePhrases, hits, attentionPhrases, attentionUnits);
    }

    /** Denominator of every rate: phrases with at least one truth box and not notvisual. */
    public long evaluablePhrases() {
        return evaluablePhrases;
    }

    public long hits(HitMetric metric) {
        return hits[metric.ordinal()];
    }

    public Map<HitMetric, Long> hits() {
        Map<HitMetric, Long> out = new EnumMap<>(HitMetric.class);
        for (HitMetric metric : METRICS) {
            out.put(metric, hits[metric.ordinal()]);
        }
        return out;
    }

    /** The hit counts in {@link HitMetric} ordinal order (a copy). */
    public long[] hitsByOrdinal() {
        return hits.clone();
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
                && Arrays.equals(hits, that.hits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(evaluablePhrases, Arrays.hashCode(hits), attentionPhrases, attentionUnits);
    }

    @Override
    public String toString() {
        return "CategoryCounts{evaluable=" + evaluablePhrases + ", hits=" + hits()
                + ", attentionPhrases=" + attentionPhrases + ", attentionUnits=" + attentionUnits + '}';
    }
}
