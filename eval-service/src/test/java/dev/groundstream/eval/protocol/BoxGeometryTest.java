package dev.groundstream.eval.protocol;

import static dev.groundstream.eval.protocol.Fixtures.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxGeometryTest {

    private static final double EXACT = 0.0;
    private static final double TIGHT = 1e-12;

    @Test
    void areaHasNoPlusOne() {
        // (10-0)*(5-0) = 50; with the old +1 convention it would be 11*6 = 66.
        assertEquals(50.0, px(0, 0, 10, 5).area(), EXACT);
    }

    @Test
    void identicalBoxesHaveIouOne() {
        assertEquals(1.0, BoxGeometry.iou(px(3, 4, 13, 24), px(3, 4, 13, 24)), EXACT);
    }

    @Test
    void partialOverlap() {
        // A = [0,0,10,10] area 100, B = [5,5,15,15] area 100, intersection [5,5,10,10] = 25,
        // union = 100 + 100 - 25 = 175, IoU = 25/175 = 1/7.
        assertEquals(1.0 / 7.0, BoxGeometry.iou(px(0, 0, 10, 10), px(5, 5, 15, 15)), TIGHT);
    }

    @Test
    void iouExactlyOneHalf() {
        // A = [0,0,2,1] area 2, B = [0,0,1,1] area 1, intersection 1, union 2: IoU = 0.5 exactly.
        assertEquals(0.5, BoxGeometry.iou(px(0, 0, 2, 1), px(0, 0, 1, 1)), EXACT);
    }

    @Test
    void containedBox() {
        // B inside A: intersection = area(B) = 4*4 = 16, union = area(A) = 10*10 = 100 -> 0.16.
        assertEquals(0.16, BoxGeometry.iou(px(0, 0, 10, 10), px(2, 2, 6, 6)), TIGHT);
    }

    @Test
    void disjointAndTouchingBoxesHaveIouZero() {
        assertEquals(0.0, BoxGeometry.iou(px(0, 0, 10, 10), px(20, 20, 30, 30)), EXACT);
        // Sharing the edge x = 10: intersection width 0 -> area 0.
        assertEquals(0.0, BoxGeometry.iou(px(0, 0, 10, 10), px(10, 0, 20, 10)), EXACT);
        // Sharing only the corner (10,10).
        assertEquals(0.0, BoxGeometry.iou(px(0, 0, 10, 10), px(10, 10, 20, 20)), EXACT);
    }

    @Test
    void zeroAreaBoxesNeverGiveNaN() {
        // Two identical points: intersection 0, union 0 -> defined as 0, not 0/0.
        assertEquals(0.0, BoxGeometry.iou(px(5, 5, 5, 5), px(5, 5, 5, 5)), EXACT);
        // A line inside a box: intersection 0, union 100 -> 0.
        assertEquals(0.0, BoxGeometry.iou(px(5, 0, 5, 10), px(0, 0, 10, 10)), EXACT);
        assertEquals(0.0, BoxGeometry.giou(px(5, 5, 5, 5), px(5, 5, 5, 5)), EXACT);
    }

    @Test
    void malformedBoxesScoreTheWorstValue() {
        PixelBox good = px(0, 0, 10, 10);
        assertEquals(0.0, BoxGeometry.iou(px(Double.NaN, 0, 10, 10), good), EXACT);
        assertEquals(0.0, BoxGeometry.iou(good, px(0, 0, Double.POSITIVE_INFINITY, 10)), EXACT);
        assertEquals(0.0, BoxGeometry.iou(px(10, 0, 0, 10), good), EXACT); // inverted x
        assertEquals(-1.0, BoxGeometry.giou(px(Double.NaN, 0, 10, 10), good), EXACT);
        assertFalse(px(0, 0, Float.NaN, 1).isWellFormed());
        assertTrue(px(-5, -5, 0, 0).isWellFormed()); // outside the image is still geometry
    }

    @Test
    void giouOfIdenticalBoxesIsOne() {
        assertEquals(1.0, BoxGeometry.giou(px(0, 0, 4, 4), px(0, 0, 4, 4)), EXACT);
    }

    @Test
    void giouPenalisesTheEmptyPartOfTheEnclosingBox() {
        // A = [0,0,10,10], B = [5,5,15,15]: IoU = 25/175 = 1/7, enclosing C = [0,0,15,15] = 225,
        // GIoU = 1/7 - (225 - 175)/225 = 1/7 - 2/9 = (9 - 14)/63 = -5/63.
        assertEquals(-5.0 / 63.0, BoxGeometry.giou(px(0, 0, 10, 10), px(5, 5, 15, 15)), TIGHT);
    }

    @Test
    void giouOfDisjointBoxesIsNegative() {
        // A = [0,0,1,1], B = [2,0,3,1]: IoU 0, union 2, enclosing [0,0,3,1] = 3, GIoU = 0 - 1/3.
        assertEquals(-1.0 / 3.0, BoxGeometry.giou(px(0, 0, 1, 1), px(2, 0, 3, 1)), TIGHT);
    }

    @Test
    void giouEqualsIouWhenTheUnionIsTheEnclosingBox() {
        // [0,0,2,1] and [0,0,1,1]: union = enclosing = 2, so GIoU = IoU = 0.5.
        assertEquals(0.5, BoxGeometry.giou(px(0, 0, 2, 1), px(0, 0, 1, 1)), EXACT);
    }

    @Test
    void enclosingBoxOfSeveralBoxesSkipsMalformedOnes() {
        List<PixelBox> boxes = List.of(px(10, 20, 30, 40), px(5, 25, 12, 50), px(Double.NaN, 0, 1, 1),
                px(10, 20, 30, 40));
        // min x1 = 5, min y1 = 20, max x2 = 30, max y2 = 50; the NaN box is ignored, the duplicate changes nothing.
        assertEquals(px(5, 20, 30, 50), BoxGeometry.enclosing(boxes).orElseThrow());
        assertTrue(BoxGeometry.enclosing(List.of()).isEmpty());
    }
}
