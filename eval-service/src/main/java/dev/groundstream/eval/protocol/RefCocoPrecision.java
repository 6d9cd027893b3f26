package dev.groundstream.eval.protocol;

import java.util.List;

/**
 * RefCOCO/+/g precision@1 (docs/architecture.md §5), in two named variants that the field reports under the same
 * name: {@link #atOneWithIou} (mmdetection's RefCOCO metric: IoU >= 0.5) and {@link #atOneWithGiou}
 * (MDETR's refexp evaluator: generalized IoU >= 0.5; GIoU <= IoU, so it is the stricter one).
 *
 * <p>The benchmark has exactly one ground-truth box per expression. For phrases with several boxes
 * (Flickr-style truth evaluated with this metric) we take the best match over the truth boxes, the same
 * any-box rule as Recall@1, so the IoU variant equals any-box hit@1 and a single box gives exactly the
 * benchmark's definition.
 */
public final class RefCocoPrecision {

    private RefCocoPrecision() {
    }

    public static boolean atOneWithIou(List<PixelBox> rankedPredictions, List<PixelBox> truthBoxes) {
        if (rankedPredictions.isEmpty()) {
            return false;
        }
        PixelBox top1 = rankedPredictions.get(0);
        for (PixelBox truth : truthBoxes) {
            if (BoxGeometry.iou(top1, truth) >= GroundingThresholds.HIT_IOU) {
                return true;
            }
        }
        return false;
    }

    public static boolean atOneWithGiou(List<PixelBox> rankedPredictions, List<PixelBox> truthBoxes) {
        if (rankedPredictions.isEmpty()) {
            return false;
        }
        PixelBox top1 = rankedPredictions.get(0);
        for (PixelBox truth : truthBoxes) {
            if (BoxGeometry.giou(top1, truth) >= GroundingThresholds.HIT_IOU) {
                return true;
            }
        }
        return false;
    }
}
