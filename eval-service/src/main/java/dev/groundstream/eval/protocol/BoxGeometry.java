package dev.groundstream.eval.protocol;

import java.util.List;
import java.util.Optional;

/**
 * IoU, GIoU and the enclosing box, with area = (x2-x1)*(y2-y1) and no +1 (docs/architecture.md §5, as in
 * MDETR/GLIP flickr_eval.py and torchvision). Never returns NaN: where the reference code would divide
 * 0 by 0 (two zero-area boxes) the result is defined so that it is below every hit threshold.
 */
public final class BoxGeometry {

    private BoxGeometry() {
    }

    public static double intersectionArea(PixelBox a, PixelBox b) {
        double w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        return Math.max(0.0, w) * Math.max(0.0, h);
    }

    /**
     * Intersection over union in [0, 1]. 0 for a malformed box (see {@link PixelBox#isWellFormed()}) and
     * for a zero union (two zero-area boxes, where the reference would produce NaN, which also never
     * reaches the 0.5 threshold). Touching boxes share no area, so their IoU is 0.
     */
    public static double iou(PixelBox a, PixelBox b) {
        if (!a.isWellFormed() || !b.isWellFormed()) {
            return 0.0;
        }
        double inter = intersectionArea(a, b);
        double union = a.area() + b.area() - inter;
        return union > 0.0 ? inter / union : 0.0;
    }

    /**
     * Generalized IoU (Rezatofighi et al. 2019, used by MDETR's RefCOCO evaluator) in [-1, 1]:
     * IoU - (C - U) / C with C the area of the smallest enclosing box. -1 for a malformed box; equal to the
     * IoU when the enclosing box has zero area (both boxes degenerate on one line or point).
     */
    public static double giou(PixelBox a, PixelBox b) {
        if (!a.isWellFormed() || !b.isWellFormed()) {
            return -1.0;
        }
        double inter = intersectionArea(a, b);
        double union = a.area() + b.area() - inter;
        double iou = union > 0.0 ? inter / union : 0.0;
        double enclosing = enclosing(a, b).area();
        return enclosing > 0.0 ? iou - (enclosing - union) / enclosing : iou;
    }

    public static PixelBox enclosing(PixelBox a, PixelBox b) {
        return new PixelBox(Math.min(a.x1(), b.x1()), Math.min(a.y1(), b.y1()),
                Math.max(a.x2(), b.x2()), Math.max(a.y2(), b.y2()));
    }

    /**
     * The merged box [min x1, min y1, max x2, max y2] of the well-formed boxes (merged-box protocol of
     * SeqGROUND / IJCAI-17 / Flickr30k Entities, MDETR's merge_boxes); empty when none is well-formed.
     */
    public static Optional<PixelBox> enclosing(List<PixelBox> boxes) {
        PixelBox merged = null;
        for (PixelBox box : boxes) {
            if (box.isWellFormed()) {
                merged = merged == null ? box : enclosing(merged, box);
            }
        }
        return Optional.ofNullable(merged);
    }
}
