package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Point;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the pointing location of a prediction (docs/architecture.md §5). Precedence:
 * <ol>
 *   <li>a heatmap, when the result carries one: its argmax resized to the image ({@link HeatmapArgmax}),
 *       recomputed here so the rule is the evaluator's, not the worker's;</li>
 *   <li>otherwise the model's own point (a heatmap model that did not ship its map);</li>
 *   <li>otherwise the centre of the top-1 box, the rule AMC uses for box-only models.</li>
 * </ol>
 * A broken source (malformed or massless heatmap, non-finite point, malformed top-1 box) gives no
 * location, i.e. a miss; it does not fall through to the next source, so a broken model cannot score
 * through a second channel.
 */
public final class PointingLocator {

    private PointingLocator() {
    }

    public static Optional<PointingLocation> locate(PhrasePrediction prediction, int imageWidth, int imageHeight) {
        if (prediction.hasHeatmap()) {
            HeatmapGrid heatmap = prediction.heatmap();
            return heatmap == null ? Optional.empty() : HeatmapArgmax.locate(heatmap, imageWidth, imageHeight);
        }
        Point point = prediction.modelPoint();
        if (point != null) {
            boolean finite = Float.isFinite(point.getX()) && Float.isFinite(point.getY());
            return finite
                    ? Optional.of(new PointingLocation(point.getX(), point.getY(), PointingLocation.Source.MODEL_POINT))
                    : Optional.empty();
        }
        List<PixelBox> boxes = prediction.rankedBoxes();
        if (boxes.isEmpty() || !boxes.get(0).isWellFormed()) {
            return Optional.empty();
        }
        PixelBox top1 = boxes.get(0);
        return Optional.of(new PointingLocation(top1.centreX(), top1.centreY(), PointingLocation.Source.TOP1_BOX_CENTRE));
    }
}
