package dev.groundstream.eval.protocol;

import java.util.List;
import java.util.Optional;

/**
 * Merged-box protocol of SeqGROUND, IJCAI-17 attention regression and the Flickr30k Entities paper
 * (docs/architecture.md §5): the ground-truth boxes of a phrase are replaced by their enclosing box
 * [min x1, min y1, max x2, max y2] and the phrase is correct when the top-1 prediction has IoU >= 0.5
 * with it. SeqGROUND words this as "the union of all its boxes"; like the prior work it follows
 * (Plummer et al.: "we merge them into a single bounding box") and MDETR's merged mode, the union is the
 * enclosing box, not the pixel union.
 */
public final class MergedBoxProtocol {

    private MergedBoxProtocol() {
    }

    /** IoU of the top-1 prediction with the merged truth box; 0 without prediction or truth. */
    public static double top1Iou(List<PixelBox> rankedPredictions, List<PixelBox> truthBoxes) {
        if (rankedPredictions.isEmpty()) {
            return 0.0;
        }
        Optional<PixelBox> merged = BoxGeometry.enclosing(truthBoxes);
        return merged.map(box -> BoxGeometry.iou(rankedPredictions.get(0), box)).orElse(0.0);
    }

    public static boolean hit(List<PixelBox> rankedPredictions, List<PixelBox> truthBoxes) {
        return top1Iou(rankedPredictions, truthBoxes) >= GroundingThresholds.HIT_IOU;
    }
}
