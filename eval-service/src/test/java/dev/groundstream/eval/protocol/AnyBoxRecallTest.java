package dev.groundstream.eval.protocol;

import static dev.groundstream.eval.protocol.Fixtures.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnyBoxRecallTest {

    private static final PixelBox MISS = px(100, 100, 110, 110);
    private static final PixelBox TRUTH = px(0, 0, 10, 10);

    @Test
    void hitAtKDependsOnTheRankOfTheFirstGoodBox() {
        // Ranks 1..5 miss (IoU 0), rank 6 is the truth box itself (IoU 1).
        List<PixelBox> ranked = new ArrayList<>(List.of(MISS, MISS, MISS, MISS, MISS, TRUTH));
        AnyBoxRecall recall = AnyBoxRecall.of(ranked, List.of(TRUTH));
        assertFalse(recall.hitAt(1));
        assertFalse(recall.hitAt(5));
        assertTrue(recall.hitAt(10));
        assertTrue(recall.hitUpperBound());
        assertEquals(0.0, recall.maxIouAtK(1));
        assertEquals(1.0, recall.maxIouAtK(6));
    }

    @Test
    void anyGroundTruthBoxCounts() {
        // Two truth boxes; the prediction matches the second one exactly.
        PixelBox second = px(50, 50, 60, 60);
        AnyBoxRecall recall = AnyBoxRecall.of(List.of(second), List.of(TRUTH, second));
        assertTrue(recall.hitAt(1));
    }

    @Test
    void kLargerThanThePredictionsUsesAllOfThem() {
        // Two predictions; hit@10 looks at both (the reference slices ious[:10]).
        AnyBoxRecall recall = AnyBoxRecall.of(List.of(MISS, TRUTH), List.of(TRUTH));
        assertFalse(recall.hitAt(1));
        assertTrue(recall.hitAt(5));
        assertTrue(recall.hitAt(10));
        assertEquals(1.0, recall.maxIouAtK(10));
    }

    @Test
    void emptyPredictionsMissEverything() {
        AnyBoxRecall recall = AnyBoxRecall.of(List.of(), List.of(TRUTH));
        assertFalse(recall.hitAt(1));
        assertFalse(recall.hitAt(10));
        assertFalse(recall.hitUpperBound());
        assertEquals(0.0, recall.maxIouAtK(1));
        assertEquals(0.0, recall.maxIouOverAll());
    }

    @Test
    void iouOfExactlyOneHalfIsAHit() {
        // [0,0,20,10] against truth [0,0,10,10]: intersection 100, union 200 -> 0.5 >= 0.5.
        assertTrue(AnyBoxRecall.of(List.of(px(0, 0, 20, 10)), List.of(TRUTH)).hitAt(1));
        // [0,0,21,10]: intersection 100, union 210 -> 0.476 < 0.5.
        assertFalse(AnyBoxRecall.of(List.of(px(0, 0, 21, 10)), List.of(TRUTH)).hitAt(1));
    }

    @Test
    void touchingBoxIsAMiss() {
        assertFalse(AnyBoxRecall.of(List.of(px(10, 0, 20, 10)), List.of(TRUTH)).hitUpperBound());
    }

    @Test
    void duplicateTruthBoxesChangeNothing() {
        List<PixelBox> ranked = List.of(px(0, 0, 20, 10), MISS);
        AnyBoxRecall once = AnyBoxRecall.of(ranked, List.of(TRUTH));
        AnyBoxRecall twice = AnyBoxRecall.of(ranked, List.of(TRUTH, TRUTH));
        assertEquals(once.maxIouAtK(1), twice.maxIouAtK(1));
        assertEquals(once.hitUpperBound(), twice.hitUpperBound());
    }

    @Test
    void malformedBoxKeepsItsRankAsAMiss() {
        // The NaN top-1 box scores IoU 0 at rank 1; the good box at rank 2 still counts for hit@5.
        AnyBoxRecall recall = AnyBoxRecall.of(List.of(px(Double.NaN, 0, 10, 10), TRUTH), List.of(TRUTH));
        assertFalse(recall.hitAt(1));
        assertTrue(recall.hitAt(5));
    }

    @Test
    void kBelowOneIsRejected() {
        AnyBoxRecall recall = AnyBoxRecall.of(List.of(TRUTH), List.of(TRUTH));
        assertThrows(IllegalArgumentException.class, () -> recall.maxIouAtK(0));
    }
}
