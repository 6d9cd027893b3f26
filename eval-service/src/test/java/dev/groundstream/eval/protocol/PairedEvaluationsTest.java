package dev.groundstream.eval.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.eval.stats.PairedComparison;
import dev.groundstream.eval.stats.PairedCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PairedEvaluationsTest {

    private static PhraseEvaluation phrase(String id, boolean evaluable, boolean hit) {
        return PhraseEvaluation.newBuilder().setPhraseId(id).setTypes(new ArrayList<>()).setEvaluable(evaluable)
                .setBestIou(0f).setHitAt1(hit).setHitAt5(hit).setHitAt10(hit).setHitUpperBound(hit)
                .setMergedBoxHit(false).setPointingHit(false).setPointingHitTolerant(false)
                .setAttentionCorrectness(null).setPrecisionAt1Iou(hit).setPrecisionAt1Giou(false)
                .setTop1Score(null).build();
    }

    private static Evaluation evaluation(UUID request, String version, PhraseEvaluation... phrases) {
        return Evaluation.newBuilder().setRequestId(request).setModel(Fixtures.model(version))
                .setDataset("flickr30k").setEventTime(Fixtures.CREATED).setEvaluatedAt(Fixtures.EVALUATED)
                .setTruthSource("dataset").setPhrases(new ArrayList<>(Arrays.asList(phrases))).build();
    }

    @Test
    void pairsPhrasesByIdAndSkipsThoseNotEvaluableInBoth() {
        UUID request = Fixtures.REQUEST;
        // p1 both right, p2 only A, p3 only B, p4 both wrong, p5 not evaluable in B, p6 only in A.
        Evaluation a = evaluation(request, "1", phrase("p1", true, true), phrase("p2", true, true),
                phrase("p3", true, false), phrase("p4", true, false), phrase("p5", true, true),
                phrase("p6", true, true));
        Evaluation b = evaluation(request, "2", phrase("p4", true, false), phrase("p3", true, true),
                phrase("p2", true, false), phrase("p1", true, true), phrase("p5", false, false));
        PairedCounts counts = new PairedCounts();
        PairedEvaluations.add(a, b, HitMetric.RECALL_AT_1, counts);
        assertEquals(1, counts.bothRight());
        assertEquals(1, counts.onlyA());
        assertEquals(1, counts.onlyB());
        assertEquals(1, counts.bothWrong());

        PairedComparison comparison = PairedComparison.of(counts);
        assertEquals(0.5, comparison.accuracyA());
        assertEquals(0.5, comparison.accuracyB());
        assertEquals(1.0, comparison.mcNemarExactPValue());

        PairedEvaluations.remove(a, b, HitMetric.RECALL_AT_1, counts);
        assertEquals(0, counts.pairs());
    }

    @Test
    void differentRequestsAreRejected() {
        Evaluation a = evaluation(Fixtures.REQUEST, "1", phrase("p1", true, true));
        Evaluation b = evaluation(UUID.randomUUID(), "2", phrase("p1", true, true));
        assertThrows(IllegalArgumentException.class,
                () -> PairedEvaluations.add(a, b, HitMetric.RECALL_AT_1, new PairedCounts()));
    }
}
