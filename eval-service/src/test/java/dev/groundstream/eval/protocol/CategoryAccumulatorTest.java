package dev.groundstream.eval.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryAccumulatorTest {

    private static PhraseEvaluation phrase(String id, boolean evaluable, boolean hit1, boolean hit5,
                                           Float attention, PhraseType... types) {
        return PhraseEvaluation.newBuilder().setPhraseId(id).setTypes(new ArrayList<>(Arrays.asList(types)))
                .setEvaluable(evaluable).setBestIou(hit1 ? 0.7f : 0.1f).setHitAt1(hit1).setHitAt5(hit5)
                .setHitAt10(hit5).setHitUpperBound(hit5).setMergedBoxHit(hit1).setPointingHit(hit5)
                .setPointingHitTolerant(hit5).setAttentionCorrectness(attention).setPrecisionAt1Iou(hit1)
                .setPrecisionAt1Giou(false).setTop1Score(null).build();
    }

    private static Evaluation evaluation(PhraseEvaluation... phrases) {
        return Evaluation.newBuilder().setRequestId(Fixtures.REQUEST).setModel(Fixtures.model("1"))
                .setDataset("flickr30k").setEventTime(Fixtures.CREATED).setEvaluatedAt(Fixtures.EVALUATED)
                .setTruthSource("dataset").setPhrases(new ArrayList<>(Arrays.asList(phrases))).build();
    }

    @Test
    void phraseWithSeveralTypesCountsOnceInAllAndOnceInEachType() {
        // "a man in a suit" typed people + clothing: 1 in all, 1 in people, 1 in clothing.
        CategoryAccumulator accumulator = new CategoryAccumulator()
                .add(evaluation(phrase("p1", true, true, true, null, PhraseType.people, PhraseType.clothing)));
        assertEquals(1, accumulator.category(Categories.ALL).evaluablePhrases());
        assertEquals(1, accumulator.category("people").evaluablePhrases());
        assertEquals(1, accumulator.category("clothing").evaluablePhrases());
        assertEquals(0, accumulator.category("animals").evaluablePhrases());
        assertEquals(1, accumulator.category(Categories.ALL).hits(HitMetric.RECALL_AT_1));
    }

    @Test
    void repeatedTypeOnOnePhraseCountsOnce() {
        CategoryAccumulator accumulator = new CategoryAccumulator()
                .add(evaluation(phrase("p1", true, true, true, null, PhraseType.people, PhraseType.people)));
        assertEquals(1, accumulator.category("people").evaluablePhrases());
    }

    @Test
    void nonEvaluablePhrasesAreNotCounted() {
        CategoryAccumulator accumulator = new CategoryAccumulator()
                .add(evaluation(phrase("p1", false, false, false, null, PhraseType.notvisual),
                        phrase("p2", false, false, false, null, PhraseType.scene)));
        assertTrue(accumulator.isEmpty());
        assertEquals(0.0, accumulator.category(Categories.ALL).recallAt1());
    }

    @Test
    void ratesAreHitsOverEvaluablePhrases() {
        // 4 evaluable people phrases: hit@1 on 1, hit@5 on 3 (p1, p2, p3), 1 non-evaluable ignored.
        // R@1 = 1/4, R@5 = R@10 = 3/4, merged = 1/4, pointing = 3/4 (hits / (hits + misses)).
        CategoryAccumulator accumulator = new CategoryAccumulator().add(evaluation(
                phrase("p1", true, true, true, null, PhraseType.people),
                phrase("p2", true, false, true, null, PhraseType.people),
                phrase("p3", true, false, true, null, PhraseType.people),
                phrase("p4", true, false, false, null, PhraseType.people),
                phrase("p5", false, false, false, null, PhraseType.people)));
        CategoryCounts people = accumulator.category("people");
        assertEquals(4, people.evaluablePhrases());
        assertEquals(0.25, people.recallAt1());
        assertEquals(0.75, people.recallAt5());
        assertEquals(0.75, people.recallAt10());
        assertEquals(0.75, people.recallUpperBound());
        assertEquals(0.25, people.mergedBoxAccuracy());
        assertEquals(0.75, people.pointingAccuracy());
        assertEquals(0.25, people.rate(HitMetric.REFCOCO_PRECISION_AT_1_IOU));
        assertEquals(0.0, people.rate(HitMetric.REFCOCO_PRECISION_AT_1_GIOU));
    }

    @Test
    void meanAttentionCorrectnessOverPhrasesWithAHeatmap() {
        // (0.5 + 0.25) / 2 = 0.375; the phrase without heatmap does not count.
        CategoryAccumulator accumulator = new CategoryAccumulator().add(evaluation(
                phrase("p1", true, true, true, 0.5f, PhraseType.animals),
                phrase("p2", true, true, true, 0.25f, PhraseType.animals),
                phrase("p3", true, true, true, null, PhraseType.animals)));
        assertEquals(0.375, accumulator.category("animals").meanAttentionCorrectness(), 1e-12);
        assertEquals(2, accumulator.category("animals").attentionPhrases());
    }

    @Test
    void addThenSubtractReturnsToZero() {
        Evaluation evaluation = evaluation(
                phrase("p1", true, true, true, 0.1f, PhraseType.people, PhraseType.clothing),
                phrase("p2", true, false, true, 0.7f, PhraseType.other),
                phrase("p3", false, false, false, null, PhraseType.notvisual));
        CategoryAccumulator accumulator = new CategoryAccumulator().add(evaluation).subtract(evaluation);
        assertTrue(accumulator.isEmpty());
        assertEquals(new CategoryAccumulator(), accumulator);
        for (String category : Categories.names()) {
            assertTrue(accumulator.category(category).isZero(), category);
        }
    }

    @Test
    void replacingAnEvaluationEqualsAddingOnlyTheNewOne() {
        Evaluation old = evaluation(phrase("p1", true, false, false, 0.2f, PhraseType.people));
        Evaluation updated = evaluation(phrase("p1", true, true, true, 0.9f, PhraseType.people, PhraseType.other));
        Evaluation unrelated = evaluation(phrase("q1", true, true, false, 0.3f, PhraseType.animals));
        CategoryAccumulator streamed = new CategoryAccumulator().add(unrelated).add(old).subtract(old).add(updated);
        CategoryAccumulator fresh = new CategoryAccumulator().add(unrelated).add(updated);
        assertEquals(fresh, streamed);
        assertEquals(1.0, streamed.category("people").recallAt1());
    }

    @Test
    void subtractingWhatWasNeverAddedIsRefusedAndChangesNothing() {
        Evaluation added = evaluation(phrase("p1", true, true, true, null, PhraseType.people));
        Evaluation never = evaluation(phrase("p1", true, true, true, null, PhraseType.people, PhraseType.animals));
        CategoryAccumulator accumulator = new CategoryAccumulator().add(added);
        CategoryAccumulator before = new CategoryAccumulator().add(added);
        assertThrows(IllegalStateException.class, () -> accumulator.subtract(never));
        assertEquals(before, accumulator);
    }

    @Test
    void categoryNamesAreAllPlusTheEightTypes() {
        assertEquals(List.of("all", "people", "clothing", "bodyparts", "animals", "vehicles", "instruments",
                "scene", "other"), Categories.names());
    }

    @Test
    void snapshotCarriesCountsAndRates() {
        CategoryAccumulator accumulator = new CategoryAccumulator().add(evaluation(
                phrase("p1", true, true, true, null, PhraseType.people),
                phrase("p2", true, false, false, null, PhraseType.people)));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        AccuracySnapshot snapshot = AccuracySnapshots.of(accumulator.category(Categories.ALL), "ranker:1",
                "flickr30k", Categories.ALL, "tumbling-1m", start, start.plusSeconds(60), start.plusSeconds(61));
        assertEquals(2, snapshot.getEvaluablePhrases());
        assertEquals(1, snapshot.getHitsAt1());
        assertEquals(1, snapshot.getHitsAt5());
        assertEquals(1, snapshot.getMergedBoxHits());
        assertEquals(1, snapshot.getPointingHits());
        assertEquals(0.5, snapshot.getRecallAt1());
        assertEquals(0.5, snapshot.getPointingAccuracy());
        assertEquals("tumbling-1m", snapshot.getWindow());
    }

    @Test
    void subtractingCountsNeverAddedIsRefusedAndChangesNothing() {
        Evaluation people = evaluation(phrase("p1", true, true, true, 0.5f, PhraseType.people));
        Evaluation animals = evaluation(phrase("p2", true, false, true, null, PhraseType.animals));
        CategoryAccumulator accumulator = new CategoryAccumulator().add(people);
        CategoryAccumulator before = new CategoryAccumulator().add(people);

        assertThrows(IllegalStateException.class, () -> accumulator.subtract(CategoryAccumulator.of(animals)));
        assertEquals(before, accumulator);

        accumulator.add(CategoryAccumulator.of(animals)).subtract(CategoryAccumulator.of(people));
        assertEquals(CategoryAccumulator.of(animals), accumulator);
        assertEquals(0, accumulator.category("people").evaluablePhrases());
    }
}
