package dev.groundstream.eval.protocol;

import java.util.List;

/**
 * Hit rules of the pointing game (MultiGrounding, AMC; docs/architecture.md §5). Accuracy over phrases is
 * hits / (hits + misses); a phrase without a usable location is a miss.
 */
public final class PointingGame {

    private static final double TOLERANCE_SQUARED =
            GroundingThresholds.POINTING_TOLERANCE_PX * GroundingThresholds.POINTING_TOLERANCE_PX;

    private PointingGame() {
    }

    /** Strict rule: the point lies inside some truth box, bounds inclusive, no tolerance. */
    public static boolean hit(PointingLocation location, List<PixelBox> truthBoxes) {
        if (location == null || !Double.isFinite(location.x()) || !Double.isFinite(location.y())) {
            return false;
        }
        for (PixelBox box : truthBoxes) {
            if (box.isWellFormed() && box.contains(location.x(), location.y())) {
                return true;
            }
        }
        return false;
    }

    /**
     * TorchRay tolerance variant: a hit when the point is closer than 15 px to the truth region. TorchRay
     * accepts region pixels with squared distance {@code < tolerance^2}, strictly, so a point exactly
     * 15 px away misses; distance is measured to the closed box.
     */
    public static boolean hitWithTorchRayTolerance(PointingLocation location, List<PixelBox> truthBoxes) {
        if (location == null || !Double.isFinite(location.x()) || !Double.isFinite(location.y())) {
            return false;
        }
        for (PixelBox box : truthBoxes) {
            if (box.isWellFormed()
                    && box.squaredDistanceTo(location.x(), location.y()) < TOLERANCE_SQUARED) {
                return true;
            }
        }
        return false;
    }
}
