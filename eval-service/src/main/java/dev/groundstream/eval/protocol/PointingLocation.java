package dev.groundstream.eval.protocol;

/** Where a result points for the pointing game, in image pixels, and which rule produced it. */
public record PointingLocation(double x, double y, Source source) {

    public enum Source {
        /** Argmax of the result's heatmap resized to the image ({@link HeatmapArgmax}). */
        HEATMAP_ARGMAX,
        /** The point the model reported itself (result without heatmap). */
        MODEL_POINT,
        /** Centre of the top-1 box, for box-only models (AMC, following InfoGround). */
        TOP1_BOX_CENTRE
    }
}
