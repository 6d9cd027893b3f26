package dev.groundstream.eval.protocol;

import dev.groundstream.avro.AccuracySnapshot;
import java.time.Instant;

/** Writes the counts of one category into the AccuracySnapshot record of grounding.metrics. */
public final class AccuracySnapshots {

    private AccuracySnapshots() {
    }

    public static AccuracySnapshot of(CategoryCounts counts, String model, String dataset, String category,
                                      String window, Instant windowStart, Instant windowEnd, Instant updatedAt) {
        return AccuracySnapshot.newBuilder()
                .setModel(model)
                .setDataset(dataset)
                .setCategory(category)
                .setWindow(window)
                .setWindowStart(windowStart)
                .setWindowEnd(windowEnd)
                .setEvaluablePhrases(counts.evaluablePhrases())
                .setHitsAt1(counts.hits(HitMetric.RECALL_AT_1))
                .setHitsAt5(counts.hits(HitMetric.RECALL_AT_5))
                .setHitsAt10(counts.hits(HitMetric.RECALL_AT_10))
                .setHitsUpperBound(counts.hits(HitMetric.RECALL_UPPER_BOUND))
                .setMergedBoxHits(counts.hits(HitMetric.MERGED_BOX))
                .setPointingHits(counts.hits(HitMetric.POINTING))
                .setRecallAt1(counts.recallAt1())
                .setRecallAt5(counts.recallAt5())
                .setRecallAt10(counts.recallAt10())
                .setMergedBoxAccuracy(counts.mergedBoxAccuracy())
                .setPointingAccuracy(counts.pointingAccuracy())
                .setUpdatedAt(updatedAt)
                .build();
    }
}
