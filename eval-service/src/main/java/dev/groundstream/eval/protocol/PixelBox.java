package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Box;

/**
 * An axis-aligned box in 0-based pixel coordinates of the original image (docs/architecture.md §5).
 * Corners are widened from the Avro floats to doubles once, so every protocol computes in double.
 */
public record PixelBox(double x1, double y1, double x2, double y2) {

    public static PixelBox of(Box box) {
        return new PixelBox(box.getX1(), box.getY1(), box.getX2(), box.getY2());
    }

    /**
     * Finite corners with x1 <= x2 and y1 <= y2. Anything else (NaN, infinity, inverted corners) is
     * what a broken model emits; protocols score such a box as a miss instead of letting NaN flow into
     * a metric.
     */
    public boolean isWellFormed() {
        return Double.isFinite(x1) && Double.isFinite(y1) && Double.isFinite(x2) && Double.isFinite(y2)
                && x1 <= x2 && y1 <= y2;
    }

    /** (x2-x1)*(y2-y1), no +1: the convention of MDETR/GLIP flickr_eval.py and mmdetection. */
    public double area() {
        return (x2 - x1) * (y2 - y1);
    }

    public double centreX() {
        return (x1 + x2) / 2.0;
    }

    public double centreY() {
        return (y1 + y2) / 2.0;
    }

    /** Bounds inclusive on all four sides, as in the pointing game of MultiGrounding and AMC. */
    public boolean contains(double x, double y) {
        return x1 <= x && x <= x2 && y1 <= y && y <= y2;
    }

    /** Squared Euclidean distance from a point to the closed box; 0 inside or on the border. */
    public double squaredDistanceTo(double x, double y) {
        double dx = Math.max(0.0, Math.max(x1 - x, x - x2));
        double dy = Math.max(0.0, Math.max(y1 - y, y - y2));
        return dx * dx + dy * dy;
    }
}
