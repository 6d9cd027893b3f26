package dev.groundstream.eval.protocol;

import static dev.groundstream.eval.protocol.Fixtures.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MergedBoxProtocolTest {

    // "two dogs": two truth boxes side by side.
    private static final List<PixelBox> TWO_DOGS = List.of(px(0, 0, 10, 10), px(20, 0, 30, 10));

    @Test
    void predictionCoveringTheGroupHitsOnlyUnderTheMergedProtocol() {
        // Merged truth = [0,0,30,10] (300). Prediction [0,0,30,10] -> merged IoU 1.
        // Against each single box: intersection 100, union 300 -> 1/3 < 0.5, so any-box misses.
        List<PixelBox> ranked = List.of(px(0, 0, 30, 10));
        assertEquals(1.0, MergedBoxProtocol.top1Iou(ranked, TWO_DOGS));
        assertTrue(MergedBoxProtocol.hit(ranked, TWO_DOGS));
        assertFalse(AnyBoxRecall.of(ranked, TWO_DOGS).hitAt(1));
    }

    @Test
    void predictionOnOneMemberHitsOnlyUnderAnyBox() {
        // Prediction = first dog [0,0,10,10]: any-box IoU 1; merged IoU = 100/300 = 1/3 -> miss.
        List<PixelBox> ranked = List.of(px(0, 0, 10, 10));
        assertEquals(1.0 / 3.0, MergedBoxProtocol.top1Iou(ranked, TWO_DOGS), 1e-12);
        assertFalse(MergedBoxProtocol.hit(ranked, TWO_DOGS));
        assertTrue(AnyBoxRecall.of(ranked, TWO_DOGS).hitAt(1));
    }

    @Test
    void onlyTheTopOneBoxCounts() {
        List<PixelBox> ranked = List.of(px(100, 100, 110, 110), px(0, 0, 30, 10));
        assertFalse(MergedBoxProtocol.hit(ranked, TWO_DOGS));
    }

    @Test
    void singleTruthBoxMergesToItself() {
        // [0,0,20,10] against [0,0,10,10]: IoU exactly 0.5 -> hit.
        assertTrue(MergedBoxProtocol.hit(List.of(px(0, 0, 20, 10)), List.of(px(0, 0, 10, 10))));
    }

    @Test
    void noPredictionOrNoTruthIsAMiss() {
        assertFalse(MergedBoxProtocol.hit(List.of(), TWO_DOGS));
        assertEquals(0.0, MergedBoxProtocol.top1Iou(List.of(px(0, 0, 1, 1)), List.of()));
    }
}
