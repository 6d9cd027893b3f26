package dev.groundstream.eval.protocol;

import static dev.groundstream.eval.protocol.Fixtures.EVALUATED;
import static dev.groundstream.eval.protocol.Fixtures.box;
import static dev.groundstream.eval.protocol.Fixtures.groundTruth;
import static dev.groundstream.eval.protocol.Fixtures.groundingResult;
import static dev.groundstream.eval.protocol.Fixtures.result;
import static dev.groundstream.eval.protocol.Fixtures.scored;
import static dev.groundstream.eval.protocol.Fixtures.truth;
import static dev.groundstream.eval.protocol.Fixtures.withHeatmap;
import static dev.groundstream.eval.protocol.Fixtures.withPoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultEvaluatorTest {

    private static final List<PhraseType> PEOPLE = List.of(PhraseType.people);

    private static EvaluationOutcome evaluate(GroundingResult result, GroundTruth truth) {
        return ResultEvaluator.evaluate(result, truth, EVALUATED);
    }

    private static PhraseEvaluation only(EvaluationOutcome outcome) {
        assertEquals(1, outcome.evaluation().getPhrases().size());
        return outcome.evaluation().getPhrases().get(0);
    }

    @Test
    void perfectBoxHitsEveryBoxProtocol() {
        EvaluationOutcome outcome = evaluate(
                groundingResult(100, 100, result("p1", scored(10, 10, 50, 50, 0.9f))),
                groundTruth(100, 100, truth("p1", PEOPLE, box(10, 10, 50, 50))));
        PhraseEvaluation phrase = only(outcome);
        assertTrue(phrase.getEvaluable());
        assertEquals(1f, phrase.getBestIou());
        assertTrue(phrase.getHitAt1() && phrase.getHitAt5() && phrase.getHitAt10() && phrase.getHitUpperBound());
        assertTrue(phrase.getMergedBoxHit());
        assertTrue(phrase.getPrecisionAt1Iou() && phrase.getPrecisionAt1Giou());
        // Box-only result: points at the top-1 centre (30, 30), inside the truth box.
        assertTrue(phrase.getPointingHit() && phrase.getPointingHitTolerant());
        assertNull(phrase.getAttentionCorrectness());
        assertEquals(0.9f, phrase.getTop1Score());
        assertEquals(PEOPLE, phrase.getTypes());
        assertTrue(outcome.anomalies().isClean());
    }

    @Test
    void recordCarriesRequestModelDatasetAndTimes() {
        Evaluation evaluation = evaluate(groundingResult(100, 100, result("p1")),
                groundTruth(100, 100, truth("p1", PEOPLE, box(0, 0, 1, 1)))).evaluation();
        assertEquals(Fixtures.REQUEST, evaluation.getRequestId());
        assertEquals("1.0.0", evaluation.getModel().getVersion());
        assertEquals("flickr30k", evaluation.getDataset());
        assertEquals(Fixtures.CREATED, evaluation.getEventTime());
        assertEquals(EVALUATED, evaluation.getEvaluatedAt());
        assertEquals("dataset", evaluation.getTruthSource());
    }

    @Test
    void phraseMissingFromTheResultIsAMissAndCounted() {
        EvaluationOutcome outcome = evaluate(groundingResult(100, 100),
                groundTruth(100, 100, truth("p1", PEOPLE, box(10, 10, 50, 50))));
        PhraseEvaluation phrase = only(outcome);
        assertTrue(phrase.getEvaluable());
        assertFalse(phrase.getHitAt1() || phrase.getHitUpperBound() || phrase.getMergedBoxHit()
                || phrase.getPointingHit() || phrase.getPrecisionAt1Iou());
        assertEquals(1, outcome.anomalies().missingResultPhrases());
    }

    @Test
    void resultPhraseUnknownToTheTruthIsReportedNotScored() {
        EvaluationOutcome outcome = evaluate(
                groundingResult(100, 100, result("p1", box(0, 0, 1, 1)), result("ghost", box(0, 0, 1, 1))),
                groundTruth(100, 100, truth("p1", PEOPLE, box(0, 0, 1, 1))));
        assertEquals(1, outcome.evaluation().getPhrases().size());
        assertEquals(List.of("ghost"), outcome.anomalies().unknownResultPhraseIds());
        assertFalse(outcome.anomalies().isClean());
    }

    @Test
    void notVisualIsNeverEvaluableEvenWithBoxes() {
        PhraseEvaluation phrase = only(evaluate(groundingResult(100, 100, result("p1", box(0, 0, 10, 10))),
                groundTruth(100, 100, truth("p1", List.of(PhraseType.notvisual, PhraseType.other),
                        box(0, 0, 10, 10)))));
        assertFalse(phrase.getEvaluable());
        assertFalse(phrase.getHitAt1());
        assertEquals(0f, phrase.getBestIou());
    }

    @Test
    void noBoxAndSceneWithoutBoxesAreNotEvaluable() {
        PhraseTruth noBox = Fixtures.noBox(truth("nobox", List.of(PhraseType.other)));
        PhraseTruth sceneOnly = Fixtures.scene(truth("scene", List.of(PhraseType.scene)));
        PhraseTruth sceneWithBox = Fixtures.scene(truth("sceneBox", List.of(PhraseType.scene),
                box(0, 0, 100, 100)));
        Evaluation evaluation = evaluate(groundingResult(100, 100, result("nobox", box(0, 0, 10, 10)),
                        result("scene", box(0, 0, 100, 100)), result("sceneBox", box(0, 0, 100, 100))),
                groundTruth(100, 100, noBox, sceneOnly, sceneWithBox)).evaluation();
        assertFalse(evaluation.getPhrases().get(0).getEvaluable());
        assertFalse(evaluation.getPhrases().get(1).getEvaluable());
        // A scene phrase that has a box is evaluable, as in flickr_eval.py (the entity has a box).
        assertTrue(evaluation.getPhrases().get(2).getEvaluable());
        assertTrue(evaluation.getPhrases().get(2).getHitAt1());
    }

    @Test
    void typesComeFromTheTruthNotTheResult() {
        PhraseEvaluation phrase = only(evaluate(groundingResult(100, 100, result("p1", box(0, 0, 1, 1))),
                groundTruth(100, 100, truth("p1", List.of(PhraseType.people, PhraseType.clothing),
                        box(0, 0, 1, 1)))));
        assertEquals(List.of(PhraseType.people, PhraseType.clothing), phrase.getTypes());
    }

    @Test
    void nanPredictedBoxIsAMissAndCounted() {
        EvaluationOutcome outcome = evaluate(
                groundingResult(100, 100, result("p1", scored(Float.NaN, 0, 50, 50, Float.NaN),
                        box(10, 10, 50, 50))),
                groundTruth(100, 100, truth("p1", PEOPLE, box(10, 10, 50, 50))));
        PhraseEvaluation phrase = only(outcome);
        assertFalse(phrase.getHitAt1());
        assertTrue(phrase.getHitAt5()); // the good box at rank 2
        assertFalse(phrase.getMergedBoxHit());
        assertFalse(phrase.getPointingHit()); // the top-1 centre is undefined
        assertEquals(0f, phrase.getBestIou());
        assertNull(phrase.getTop1Score());
        assertEquals(1, outcome.anomalies().invalidPredictedBoxes());
        assertEquals(1, outcome.anomalies().invalidScores());
    }

    @Test
    void nanTruthBoxIsDroppedAndCounted() {
        EvaluationOutcome outcome = evaluate(groundingResult(100, 100, result("p1", box(0, 0, 10, 10))),
                groundTruth(100, 100, truth("p1", PEOPLE, box(0, 0, Float.NaN, 10))));
        assertFalse(only(outcome).getEvaluable());
        assertEquals(1, outcome.anomalies().invalidTruthBoxes());
    }

    @Test
    void heatmapResultGetsPointingFromTheArgmaxAndAttentionCorrectness() {
        // 2x2 heatmap [[0,1],[0,0]] on a 4x4 image: argmax pixel (3, 0) (see HeatmapArgmaxTest).
        // Truth [2,0,4,2]: (3,0) inside -> hit. Attention: per-axis weights of cell 1 over pixels 0..3 are
        // 0, .25, .75, 1 (x) and of row 0 are 1, .75, .25, 0 (y); total = 2 * 2 = 4; box columns 2..3 ->
        // .75 + 1 = 1.75, rows 0..1 -> 1 + .75 = 1.75: 3.0625 / 4 = 0.765625.
        EvaluationOutcome outcome = evaluate(
                groundingResult(4, 4, withHeatmap(result("p1"), 2, 2, 0, 1, 0, 0)),
                groundTruth(4, 4, truth("p1", PEOPLE, box(2, 0, 4, 2))));
        PhraseEvaluation phrase = only(outcome);
        assertTrue(phrase.getPointingHit());
        assertEquals(0.765625f, phrase.getAttentionCorrectness(), 1e-6f);
        assertFalse(phrase.getHitUpperBound()); // no boxes predicted
        assertTrue(outcome.anomalies().isClean());
    }

    @Test
    void malformedHeatmapIsAPointingMissWithZeroAttention() {
        EvaluationOutcome outcome = evaluate(
                groundingResult(4, 4, withPoint(withHeatmap(result("p1"), 2, 2, 1, 1, 1), 1f, 1f)),
                groundTruth(4, 4, truth("p1", PEOPLE, box(0, 0, 4, 4))));
        PhraseEvaluation phrase = only(outcome);
        assertFalse(phrase.getPointingHit());
        assertEquals(0f, phrase.getAttentionCorrectness());
        assertEquals(1, outcome.anomalies().malformedHeatmaps());
    }

    @Test
    void heatmapWithOnlyInvalidCellsIsAMissAndCounted() {
        EvaluationOutcome outcome = evaluate(
                groundingResult(4, 4, withHeatmap(result("p1"), 2, 1, Float.NaN, -1f)),
                groundTruth(4, 4, truth("p1", PEOPLE, box(0, 0, 4, 4))));
        PhraseEvaluation phrase = only(outcome);
        assertFalse(phrase.getPointingHit());
        assertEquals(0f, phrase.getAttentionCorrectness());
        assertEquals(2, outcome.anomalies().invalidHeatmapCells());
        assertEquals(1, outcome.anomalies().heatmapsWithoutMass());
    }

    @Test
    void modelPointIsUsedWithoutHeatmap() {
        EvaluationOutcome outcome = evaluate(
                groundingResult(100, 100, withPoint(result("p1", box(60, 60, 70, 70)), 10f, 10f)),
                groundTruth(100, 100, truth("p1", PEOPLE, box(0, 0, 10, 10))));
        assertTrue(only(outcome).getPointingHit()); // (10,10) on the corner, bounds inclusive
        EvaluationOutcome nanPoint = evaluate(
                groundingResult(100, 100, withPoint(result("p1", box(0, 0, 10, 10)), Float.NaN, 1f)),
                groundTruth(100, 100, truth("p1", PEOPLE, box(0, 0, 10, 10))));
        assertFalse(only(nanPoint).getPointingHit());
        assertEquals(1, nanPoint.anomalies().invalidPoints());
    }

    @Test
    void duplicatesAndImageSizeMismatchAreReported() {
        EvaluationOutcome outcome = evaluate(
                groundingResult(100, 100, result("p1", box(0, 0, 10, 10)), result("p1", box(50, 50, 60, 60))),
                groundTruth(200, 100, truth("p1", PEOPLE, box(0, 0, 10, 10)), truth("p1", PEOPLE, box(0, 0, 10, 10))));
        assertEquals(2, outcome.evaluation().getPhrases().size());
        assertTrue(outcome.evaluation().getPhrases().get(0).getHitAt1()); // first result entry is used
        assertEquals(1, outcome.anomalies().duplicateResultPhrases());
        assertEquals(1, outcome.anomalies().duplicateTruthPhrases());
        assertTrue(outcome.anomalies().imageSizeMismatch());
    }

    @Test
    void nonPositiveImageSizeIsReportedAndHeatmapsMiss() {
        EvaluationOutcome outcome = evaluate(
                groundingResult(0, 0, withHeatmap(result("p1", box(0, 0, 4, 4)), 1, 1, 1f)),
                groundTruth(4, 4, truth("p1", PEOPLE, box(0, 0, 4, 4))));
        PhraseEvaluation phrase = only(outcome);
        assertTrue(phrase.getHitAt1()); // boxes do not depend on the image size
        assertFalse(phrase.getPointingHit());
        assertEquals(0f, phrase.getAttentionCorrectness());
        assertTrue(outcome.anomalies().invalidImageSize());
    }

    @Test
    void differentRequestsAreRejected() {
        GroundTruth other = groundTruth(UUID.randomUUID(), 100, 100, truth("p1", PEOPLE, box(0, 0, 1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> evaluate(groundingResult(100, 100, result("p1")), other));
    }

    @Test
    void evaluationIsDeterministic() {
        GroundingResult result = groundingResult(4, 4, withHeatmap(result("p1", box(0, 0, 2, 2)), 2, 2, 0, 1, 0, 0));
        GroundTruth truth = groundTruth(4, 4, truth("p1", PEOPLE, box(2, 0, 4, 2)));
        assertEquals(evaluate(result, truth), evaluate(result, truth));
    }
}
