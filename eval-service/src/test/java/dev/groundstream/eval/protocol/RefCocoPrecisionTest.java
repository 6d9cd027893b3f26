package dev.groundstream.eval.protocol;

import static dev.groundstream.eval.protocol.Fixtures.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefCocoPrecisionTest {

    @Test
    void giouVariantIsStricterThanIouVariant() {
        // Prediction [0,0,50,50], truth [9,9,59,59]: intersection 41*41 = 1681,
        // union 2500 + 2500 - 1681 = 3319, IoU = 1681/3319 = 0.50648 (hit),
        // enclosing [0,0,59,59] = 3481, GIoU = 0.50648 - (3481-3319)/3481 = 0.50648 - 0.04654 = 0.45994 (miss).
        List<PixelBox> ranked = List.of(px(0, 0, 50, 50));
        List<PixelBox> truth = List.of(px(9, 9, 59, 59));
        assertEquals(1681.0 / 3319.0, BoxGeometry.iou(ranked.get(0), truth.get(0)), 1e-12);
        assertEquals(1681.0 / 3319.0 - 162.0 / 3481.0, BoxGeometry.giou(ranked.get(0), truth.get(0)), 1e-12);
        assertTrue(RefCocoPrecision.atOneWithIou(ranked, truth));
        assertFalse(RefCocoPrecision.atOneWithGiou(ranked, truth));
    }

    @Test
    void bothVariantsHitAClosePrediction() {
        // [0,0,10,10] vs [0,0,10,8]: IoU = 80/100 = 0.8, enclosing = union -> GIoU 0.8.
        List<PixelBox> ranked = List.of(px(0, 0, 10, 10));
        List<PixelBox> truth = List.of(px(0, 0, 10, 8));
        assertTrue(RefCocoPrecision.atOneWithIou(ranked, truth));
        assertTrue(RefCocoPrecision.atOneWithGiou(ranked, truth));
    }

    @Test
    void onlyTopOneCounts() {
        List<PixelBox> ranked = List.of(px(100, 100, 110, 110), px(0, 0, 10, 10));
        List<PixelBox> truth = List.of(px(0, 0, 10, 10));
        assertFalse(RefCocoPrecision.atOneWithIou(ranked, truth));
        assertFalse(RefCocoPrecision.atOneWithGiou(ranked, truth));
    }

    @Test
    void severalTruthBoxesUseTheBestMatch() {
        // Documented choice: with several truth boxes the top-1 box is scored against the best one.
        List<PixelBox> ranked = List.of(px(20, 0, 30, 10));
        List<PixelBox> truth = List.of(px(0, 0, 10, 10), px(20, 0, 30, 10));
        assertTrue(RefCocoPrecision.atOneWithIou(ranked, truth));
        assertTrue(RefCocoPrecision.atOneWithGiou(ranked, truth));
    }

    @Test
    void emptyOrMalformedPredictionMisses() {
        List<PixelBox> truth = List.of(px(0, 0, 10, 10));
        assertFalse(RefCocoPrecision.atOneWithIou(List.of(), truth));
        assertFalse(RefCocoPrecision.atOneWithGiou(List.of(), truth));
        assertFalse(RefCocoPrecision.atOneWithIou(List.of(px(0, 0, Double.NaN, 10)), truth));
        assertFalse(RefCocoPrecision.atOneWithGiou(List.of(px(0, 0, Double.NaN, 10)), truth));
    }
}
