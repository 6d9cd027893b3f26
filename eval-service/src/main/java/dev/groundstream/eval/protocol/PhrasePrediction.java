package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.Point;
import dev.groundstream.avro.PhraseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One phrase's prediction read defensively from its {@link PhraseResult}: ranked boxes (malformed ones
 * kept in place, counted), the top-1 score (null when absent or not finite), the heatmap (null when the
 * result has none or it is malformed) and the model's own point. Reading happens once per phrase so the
 * protocols never see the raw Avro values.
 */
public record PhrasePrediction(
        List<PixelBox> rankedBoxes,
        Float top1Score,
        boolean hasHeatmap,
        HeatmapGrid heatmap,
        Point modelPoint) {

    public static PhrasePrediction none() {
        return new PhrasePrediction(List.of(), null, false, null, null);
    }

    public static PhrasePrediction read(PhraseResult result, AnomalyTally tally) {
        List<PixelBox> boxes = new ArrayList<>(result.getBoxes().size());
        for (Box box : result.getBoxes()) {
            PixelBox pixelBox = PixelBox.of(box);
            if (!pixelBox.isWellFormed()) {
                tally.invalidPredictedBoxes++;
            }
            boxes.add(pixelBox);
        }

        Float top1Score = result.getBoxes().isEmpty() ? null : result.getBoxes().get(0).getScore();
        if (top1Score != null && !Float.isFinite(top1Score)) {
            tally.invalidScores++;
            top1Score = null;
        }

        boolean hasHeatmap = result.getHeatmap() != null;
        HeatmapGrid heatmap = null;
        if (hasHeatmap) {
            heatmap = HeatmapGrid.read(result.getHeatmap()).orElse(null);
            if (heatmap == null) {
                tally.malformedHeatmaps++;
            } else {
                tally.invalidHeatmapCells += heatmap.invalidCells();
                if (!(heatmap.totalMass() > 0.0)) {
                    tally.heatmapsWithoutMass++;
                }
            }
        }

        Point point = result.getPoint();
        if (point != null && (!Float.isFinite(point.getX()) || !Float.isFinite(point.getY()))) {
            tally.invalidPoints++;
        }
        return new PhrasePrediction(List.copyOf(boxes), top1Score, hasHeatmap, heatmap, point);
    }
}
