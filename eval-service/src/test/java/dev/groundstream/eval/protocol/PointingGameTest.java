package dev.groundstream.eval.protocol;

import static dev.groundstream.eval.protocol.Fixtures.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointingGameTest {

    private static final List<PixelBox> TRUTH = List.of(px(0, 0, 10, 10));

    private static PointingLocation at(double x, double y) {
        return new PointingLocation(x, y, PointingLocation.Source.MODEL_POINT);
    }

    @Test
    void insideHits() {
        assertTrue(PointingGame.hit(at(5, 5), TRUTH));
    }

    @Test
    void boundsAreInclusive() {
        assertTrue(PointingGame.hit(at(10, 10), TRUTH)); // bottom-right corner
        assertTrue(PointingGame.hit(at(0, 7), TRUTH)); // left edge
        assertTrue(PointingGame.hit(at(10, 0), TRUTH)); // top-right corner
    }

    @Test
    void justOutsideMissesWithoutTolerance() {
        assertFalse(PointingGame.hit(at(10.001, 5), TRUTH));
        assertFalse(PointingGame.hit(at(5, -0.5), TRUTH));
    }

    @Test
    void anyTruthBoxCounts() {
        assertTrue(PointingGame.hit(at(55, 55), List.of(px(0, 0, 10, 10), px(50, 50, 60, 60))));
    }

    @Test
    void torchRayToleranceIsStrictlyBelowFifteenPixels() {
        // (24.9, 5): 14.9 px right of the edge x = 10 -> hit; (25, 5): exactly 15 px -> miss (d^2 < 15^2).
        assertTrue(PointingGame.hitWithTorchRayTolerance(at(24.9, 5), TRUTH));
        assertFalse(PointingGame.hitWithTorchRayTolerance(at(25, 5), TRUTH));
        // Diagonal from the corner (10,10): (19, 22) is dx 9, dy 12 -> 81 + 144 = 225 = 15^2 -> miss;
        // (19, 21) is 81 + 121 = 202 < 225 -> hit.
        assertFalse(PointingGame.hitWithTorchRayTolerance(at(19, 22), TRUTH));
        assertTrue(PointingGame.hitWithTorchRayTolerance(at(19, 21), TRUTH));
        // Inside is a hit in the tolerant variant too.
        assertTrue(PointingGame.hitWithTorchRayTolerance(at(5, 5), TRUTH));
    }

    @Test
    void nonFiniteOrMissingPointMisses() {
        assertFalse(PointingGame.hit(at(Double.NaN, 5), TRUTH));
        assertFalse(PointingGame.hitWithTorchRayTolerance(at(5, Double.POSITIVE_INFINITY), TRUTH));
        assertFalse(PointingGame.hit(null, TRUTH));
    }

    @Test
    void boxOnlyResultPointsAtTheCentreOfItsTopBox() {
        // Top-1 [0,0,10,20] -> centre (5, 10); the second box is ignored.
        PhrasePrediction prediction = new PhrasePrediction(List.of(px(0, 0, 10, 20), px(50, 50, 60, 60)),
                null, false, null, null);
        PointingLocation location = PointingLocator.locate(prediction, 100, 100).orElseThrow();
        assertEquals(new PointingLocation(5, 10, PointingLocation.Source.TOP1_BOX_CENTRE), location);
    }

    @Test
    void heatmapTakesPrecedenceOverPointAndBoxes() {
        // 1x2 heatmap [0,1] on a 1x2 image: argmax pixel (0, 1).
        PhrasePrediction prediction = new PhrasePrediction(List.of(px(0, 0, 10, 20)), null, true,
                HeatmapGrid.of(1, 2, 0, 1), new Point(7f, 7f));
        assertEquals(new PointingLocation(0, 1, PointingLocation.Source.HEATMAP_ARGMAX),
                PointingLocator.locate(prediction, 1, 2).orElseThrow());
    }

    @Test
    void modelPointTakesPrecedenceOverBoxes() {
        PhrasePrediction prediction = new PhrasePrediction(List.of(px(0, 0, 10, 20)), null, false, null,
                new Point(7f, 8f));
        assertEquals(new PointingLocation(7, 8, PointingLocation.Source.MODEL_POINT),
                PointingLocator.locate(prediction, 100, 100).orElseThrow());
    }

    @Test
    void brokenSourceDoesNotFallThrough() {
        // Malformed heatmap (null grid) with a good point: miss, not the point.
        assertTrue(PointingLocator.locate(new PhrasePrediction(List.of(px(0, 0, 1, 1)), null, true, null,
                new Point(1f, 1f)), 10, 10).isEmpty());
        // NaN point with a good box: miss, not the box centre.
        assertTrue(PointingLocator.locate(new PhrasePrediction(List.of(px(0, 0, 1, 1)), null, false, null,
                new Point(Float.NaN, 1f)), 10, 10).isEmpty());
        // Malformed top-1 box.
        assertTrue(PointingLocator.locate(new PhrasePrediction(List.of(px(0, 0, Double.NaN, 1)), null, false,
                null, null), 10, 10).isEmpty());
        // Nothing at all.
        assertTrue(PointingLocator.locate(PhrasePrediction.none(), 10, 10).isEmpty());
    }
}
